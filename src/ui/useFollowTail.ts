/**
 * Keeps a scrolling log box on its newest line while the learner is there, as `tail -f` or a browser's console
 * does: rows arrive at the bottom, and without this the box would stay on the oldest lines it shows. Scrolling
 * up to read stops following (the rows being read stay put); scrolling back to the bottom follows again.
 *
 * Following stops on the learner's own moves up (wheel, keys, a drag of the scrollbar or a finger), never on
 * where a scroll event finds the box: rows dropped from the top (the browser's scroll anchoring then moves the
 * box) and rows drawn late (they skip layout until near the view) move it too, and a scroll of the page's own
 * and one of the learner's can arrive as one event. It resumes on a move that reaches the bottom (End, a wheel
 * or a page down far enough) or a scroll event that finds the box there.
 */
import { type KeyboardEvent, type RefObject, useLayoutEffect, useRef, type WheelEvent } from "react";

/** How close to the bottom counts as at the bottom: a fraction of a row, for rounding. */
const AT_BOTTOM_PX = 4;

/** About one row, for wheels that count in lines and for the arrow keys. */
const LINE_PX = 20;

/**
 * Whether scrolling `element` down by `distance` reaches its bottom: decided when the learner moves, as the
 * scroll event that follows can find more rows already added below.
 */
function reaches(element: HTMLElement | null, distance: number): boolean {
  if (!element) return false;
  return element.scrollHeight - element.clientHeight - element.scrollTop <= distance + AT_BOTTOM_PX;
}

/** Keys that scroll a focused box up. */
const UP_KEYS: ReadonlySet<string> = new Set(["ArrowUp", "PageUp", "Home"]);

/** The box's handlers, to spread on it. */
export interface FollowTailHandlers {
  readonly onScroll: () => void;
  readonly onWheel: (event: WheelEvent) => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
  readonly onPointerDown: () => void;
  readonly onTouchStart: () => void;
  readonly onTouchEnd: () => void;
  readonly onTouchCancel: () => void;
}

/** Scrolls `box` to its bottom after every render whose `content` changed, while following. */
export function useFollowTail(box: RefObject<HTMLElement | null>, content: unknown): FollowTailHandlers {
  const following = useRef(true);
  // A scrollbar or a finger held on the box: its scroll events are the learner's.
  const held = useRef(false);
  const shown = useRef<HTMLElement | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each new content, which the box shows
  useLayoutEffect(() => {
    const element = box.current;
    // A box shown afresh (a new run's first lines) starts at its newest line, wherever the last one was left.
    if (element !== shown.current) {
      shown.current = element;
      following.current = true;
    }
    if (!element || !following.current) return;
    const bottom = element.scrollHeight - element.clientHeight;
    if (Math.abs(element.scrollTop - bottom) > 1) element.scrollTop = bottom;
  }, [box, content]);

  // Plain handlers, made each render: React delegates events, so a new function costs nothing.
  return {
    onScroll: () => {
      const element = box.current;
      if (!element) return;
      if (reaches(element, 0)) following.current = true;
      else if (held.current) following.current = false;
    },
    onWheel: (event: WheelEvent) => {
      if (event.deltaY < 0) following.current = false;
      else if (reaches(box.current, event.deltaMode === 0 ? event.deltaY : event.deltaY * LINE_PX)) {
        following.current = true;
      }
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (UP_KEYS.has(event.key)) following.current = false;
      else if (event.key === "End") following.current = true;
      else if (event.key === "PageDown" && reaches(box.current, box.current?.clientHeight ?? 0)) {
        following.current = true;
      } else if (event.key === "ArrowDown" && reaches(box.current, LINE_PX * 2)) following.current = true;
    },
    onPointerDown: () => {
      held.current = true;
      // Let go anywhere: a scrollbar's drag often ends outside the box.
      const listening = new AbortController();
      const release = () => {
        held.current = false;
        listening.abort();
      };
      window.addEventListener("pointerup", release, { signal: listening.signal });
      window.addEventListener("pointercancel", release, { signal: listening.signal });
    },
    onTouchStart: () => {
      held.current = true;
    },
    onTouchEnd: () => {
      held.current = false;
    },
    onTouchCancel: () => {
      held.current = false;
    },
  };
}
