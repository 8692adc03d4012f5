/**
 * The CloudVault sync service, ported from sync.go (the read-only tab beside this one). Each device that
 * watches a user's files gets a task that forwards the user's changes to it. Devices come and go all day;
 * find out what happens to a watcher's task when its device goes away.
 */
import { alloc, type Chan, type Context, chan, go, log, nilChan, recv, select, send } from "leak-lab/runtime";

export interface Change {
  readonly user: string;
  readonly path: string;
  readonly version: number;
}

/** The most watchers (devices) one user may have at once; the hub turns more away. */
export const MAX_WATCHERS_PER_USER = 4;
/**
 * The watcher's buffer for batching changes to its device. Calibrated (see src/sim/calibration.ts) so that
 * leaked watchers hold what sync.go:214 holds in the incident's heap profile: 42.3 MB of 158.5 MB.
 */
const BATCH_BYTES = 92 * 1024;

/** Fans each user's changes out to that user's watchers. */
export class ChangeHub {
  private readonly watchers = new Map<string, Set<Chan<Change>>>();

  /** A channel of `user`'s changes, or undefined when the user already has the most watchers. */
  subscribe(user: string): Chan<Change> | undefined {
    const channels = this.watchers.get(user) ?? new Set<Chan<Change>>();
    if (channels.size >= MAX_WATCHERS_PER_USER) return undefined;
    const changes = chan<Change>(64);
    channels.add(changes);
    this.watchers.set(user, channels);
    return changes;
  }

  unsubscribe(user: string, changes: Chan<Change>): void {
    const channels = this.watchers.get(user);
    channels?.delete(changes);
    if (channels?.size === 0) this.watchers.delete(user);
  }

  /** Delivers a change to each of its user's watchers; one that is 64 changes behind misses it. */
  async publish(change: Change): Promise<void> {
    for (const changes of this.watchers.get(change.user) ?? [])
      await select([send(changes, change)], () => {});
  }

  /** Watchers subscribed for `user`. */
  watcherCount(user: string): number {
    return this.watchers.get(user)?.size ?? 0;
  }
}

export class SyncService {
  constructor(private readonly hub: ChangeHub) {}

  /**
   * Streams `user`'s changes to a device through `out` until the device goes away (`ctx` is cancelled when
   * it disconnects). Returns false, and the device falls back to polling, when the user has too many watchers.
   */
  watchChanges(ctx: Context, user: string, out: Chan<Change>): boolean {
    const changes = this.hub.subscribe(user);
    if (!changes) {
      log.warn("Too many watchers, falling back to polling", { user });
      return false;
    }
    go(async () => {
      const batch = alloc(BATCH_BYTES, "change batch");
      const pending: Change[] = [];
      for (;;) {
        // Take the next change, or hand the oldest pending one to the device: whichever is ready first.
        const next = pending[0];
        await select([
          recv(changes, (change) => {
            if (change) pending.push(change);
          }),
          send(next ? out : nilChan<Change>(), next as Change, () => {
            pending.shift();
          }),
        ]);
      }
    });
    return true;
  }

  /** Called when the server shuts down. */
  close(): void {}
}
