/**
 * What the bench installs in the page, as plain JavaScript text (the Node side's tsconfig has no DOM types, and
 * these run in the page, not in Node). PAGE_PROBES runs before the app's code on every page load: it records
 * every long task and long animation frame from the start. ARM_FIRST_SAMPLE is evaluated just before Run is
 * pressed: it times the press (the click event's own timestamp, taken when the input arrived), the moment the
 * first sample's figures are in the DOM (the modelled memory leaves "0.0 MiB", which every sample does, even at
 * 00:00:00 with no handles yet), and the end of the frame that paints them (a task queued from that frame's
 * requestAnimationFrame runs after its paint). It also sets user-timing marks, which a trace shows.
 */
export const PAGE_PROBES = `
(() => {
  const long = { tasks: [], frames: [] };
  window.__benchLong = long;
  const observe = (type, push) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(push)).observe({ type, buffered: true });
    } catch {}
  };
  observe("longtask", (entry) =>
    long.tasks.push({
      startTime: entry.startTime,
      duration: entry.duration,
      name: entry.name,
      attribution: (entry.attribution || []).map((a) => ({
        name: a.name,
        containerType: a.containerType,
        containerSrc: a.containerSrc,
        containerId: a.containerId,
        containerName: a.containerName,
      })),
    }),
  );
  observe("long-animation-frame", (entry) =>
    long.frames.push({
      startTime: entry.startTime,
      duration: entry.duration,
      blockingDuration: entry.blockingDuration,
      renderStart: entry.renderStart,
      styleAndLayoutStart: entry.styleAndLayoutStart,
      scripts: (entry.scripts || []).map((s) => ({
        invoker: s.invoker,
        invokerType: s.invokerType,
        sourceURL: s.sourceURL,
        sourceFunctionName: s.sourceFunctionName,
        sourceCharPosition: s.sourceCharPosition,
        duration: s.duration,
        forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration,
      })),
    }),
  );
})();
`;

export const ARM_FIRST_SAMPLE = `
(() => {
  // The previous round's flag (a second Run on the same page) must not end this round's wait.
  delete document.documentElement.dataset.benchPainted;
  const byId = (id) => document.querySelector('[data-testid="' + id + '"]');
  const memory = byId("memory-mib");
  const clock = byId("sim-clock");
  const handles = byId("handle-count");
  const run = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Run");
  const state = {
    clickAt: null, handlerDoneAt: null, domAt: null, paintAt: null, shown: null,
    armed: memory.textContent === "0.0 MiB",
  };
  window.__benchFirstSample = state;
  const onPress = (event) => {
    if (state.clickAt !== null || !run.contains(event.target)) return;
    state.clickAt = event.timeStamp;
    performance.mark("bench:run-pressed", { startTime: event.timeStamp });
  };
  // After React's own listener on the root: the click's work on the main thread is done.
  const afterPress = (event) => {
    if (state.handlerDoneAt !== null || !run.contains(event.target)) return;
    state.handlerDoneAt = performance.now();
  };
  document.addEventListener("click", onPress, true);
  window.addEventListener("click", afterPress);
  const observer = new MutationObserver(() => {
    if (state.clickAt === null) return;
    const text = memory.textContent;
    if (text === "0.0 MiB") {
      state.armed = true; // the press reset the figures (a second run starts from the first one's)
      return;
    }
    if (!state.armed) return;
    state.domAt = performance.now();
    state.shown = { clock: clock.textContent, handles: handles.textContent, memory: text };
    performance.mark("bench:sample-in-dom");
    observer.disconnect();
    document.removeEventListener("click", onPress, true);
    window.removeEventListener("click", afterPress);
    requestAnimationFrame(() =>
      setTimeout(() => {
        state.paintAt = performance.now();
        performance.mark("bench:sample-painted");
        // A DOM flag the bench waits for with a locator: the page's CSP forbids waitForFunction's eval.
        document.documentElement.dataset.benchPainted = String(state.paintAt);
      }, 0),
    );
  });
  observer.observe(memory.closest("dl"), { subtree: true, childList: true, characterData: true });
})();
`;
