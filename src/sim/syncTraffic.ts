/**
 * Devices watching their users' files through a sync service shaped like lesson 5's: they connect, read
 * changes for a while and disconnect (cancelling their context); meanwhile edits are published for random
 * users. Records what each device received, so checks can ask "did a connected device miss a change?".
 */
import { type Chan, type Context, chan, context, recv, select, time } from "../runtime/index.ts";
import { Arrivals } from "./arrivals.ts";

export interface Change {
  readonly user: string;
  readonly path: string;
  readonly version: number;
}

export interface ChangeHubLike {
  publish(change: Change): Promise<void>;
}

export interface SyncServiceLike {
  /** A Go service's answer comes once its Go has run (src/go/services/sync.ts). */
  watchChanges(ctx: Context, user: string, out: Chan<Change>): boolean | Promise<boolean>;
}

export interface SyncTrafficOptions {
  readonly seed: number;
  readonly users: number;
  /** Devices connecting a minute. */
  readonly connectsPerMinute: number;
  /** How long a device stays, in virtual ms: uniform in [min, max]. */
  readonly stayMs: readonly [min: number, max: number];
  /** Edits published a minute (E9: ~200 sync operations). */
  readonly changesPerMinute: number;
  /** Devices per user the clients keep to (the hub allows four). */
  readonly devicesPerUser: number;
  /** Virtual ms at which devices stop connecting and edits stop. */
  readonly until: number;
  readonly volumeAt?: (now: number) => number;
  /** Whether devices connect more often when the volume is up (default true); edits always do. */
  readonly connectsFollowVolume?: boolean;
}

export interface DeviceRecord {
  readonly user: string;
  readonly connectedAt: number;
  disconnectedAt: number | undefined;
  /** False when the service turned the device away (too many watchers for the user). */
  readonly accepted: boolean;
  readonly received: Set<number>;
}

export interface Publication {
  readonly user: string;
  readonly version: number;
  readonly at: number;
}

export interface SyncTrafficRecords {
  readonly devices: DeviceRecord[];
  readonly published: Publication[];
  /** Devices connected right now, by user. */
  readonly live: Map<string, number>;
}

export function startSyncTraffic(
  hub: ChangeHubLike,
  service: SyncServiceLike,
  options: SyncTrafficOptions,
  spawn: (body: () => Promise<void>, name: string) => void,
): SyncTrafficRecords {
  const records: SyncTrafficRecords = { devices: [], published: [], live: new Map() };
  const arrivals = new Arrivals(options.seed);
  const volume = options.volumeAt ?? (() => 1);
  const users = Array.from({ length: options.users }, (_, index) => `user${index + 1}`);
  const versions = new Map<string, number>();

  spawn(async () => {
    for (;;) {
      const connectVolume = options.connectsFollowVolume === false ? 1 : volume(time.now());
      await time.sleep(arrivals.gap(options.connectsPerMinute * connectVolume));
      if (time.now() >= options.until) return;
      const user = arrivals.pick(users);
      if ((records.live.get(user) ?? 0) >= options.devicesPerUser) continue;
      const stay = arrivals.between(options.stayMs[0], options.stayMs[1]);
      spawn(() => connectDevice(service, user, stay, records, spawn), "device");
    }
  }, "devices");

  spawn(async () => {
    for (;;) {
      await time.sleep(arrivals.gap(options.changesPerMinute * volume(time.now())));
      if (time.now() >= options.until) return;
      const user = arrivals.pick(users);
      const version = (versions.get(user) ?? 0) + 1;
      versions.set(user, version);
      records.published.push({ user, version, at: time.now() });
      await hub.publish({ user, path: `docs/file${arrivals.between(1, 50)}.txt`, version });
    }
  }, "editors");

  return records;
}

async function connectDevice(
  service: SyncServiceLike,
  user: string,
  stay: number,
  records: SyncTrafficRecords,
  spawn: (body: () => Promise<void>, name: string) => void,
) {
  records.live.set(user, (records.live.get(user) ?? 0) + 1);
  const [ctx, cancel] = context.withCancel(context.background());
  const out = chan<Change>();
  const accepted = await service.watchChanges(ctx, user, out);
  const device: DeviceRecord = {
    user,
    connectedAt: time.now(),
    disconnectedAt: undefined,
    accepted,
    received: new Set(),
  };
  records.devices.push(device);
  // Closed when the device leaves. A sleeping host task rather than time.after(), whose timer would be
  // counted among the service's handles.
  const leave = chan<void>();
  spawn(async () => {
    await time.sleep(stay);
    leave.close();
  }, "device timer");
  for (let connected = true; connected; ) {
    connected = await select([
      recv(out, (change) => {
        if (change) device.received.add(change.version);
        return true;
      }),
      recv(leave, () => false),
    ]);
  }
  // The device goes away: its connection's context is cancelled and nobody reads `out` any more.
  cancel();
  device.disconnectedAt = time.now();
  records.live.set(user, (records.live.get(user) ?? 1) - 1);
}
