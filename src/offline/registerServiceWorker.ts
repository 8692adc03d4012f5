/**
 * Registers the service worker (serviceWorker.ts, emitted as `sw.js` at the base) in production builds only:
 * in dev it would serve stale modules. Offline use is a bonus, never a requirement, so a browser without
 * service workers, or a registration that fails, leaves the app as it is with a warning, not an error.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const base = import.meta.env.BASE_URL;
  const register = () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
      console.warn("Leak Lab will not work offline: the service worker did not register.", error);
    });
  };
  // After the first page has loaded, so precaching does not compete with it.
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
