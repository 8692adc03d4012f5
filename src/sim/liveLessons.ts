/** The lessons whose page has a live run (see liveScenario.ts); a module of its own so the page can ask cheaply. */
export const LIVE_LESSONS: readonly string[] = ["upload", "sync", "ratelimit"];
