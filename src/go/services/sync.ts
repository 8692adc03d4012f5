/**
 * Lesson 5's sync service in Go (sync.go) as the sync traffic drives it: ChangeHub, through which editors'
 * changes arrive, and SyncService, whose watchChanges and close call the package's NewService,
 * (*Service).ApplyChange, (*Service).WatchChanges and (*Service).Close. Each change goes in as a device's edit
 * goes in, through ApplyChange, over a store that holds each file's version; each device's connection reads
 * Go's Change values off the channel the watcher sends on, as the devices' records spell a change.
 */
import { Chan } from "../../runtime/chan.ts";
import { background, type Context } from "../../runtime/context.ts";
import { recv, select, send } from "../../runtime/select.ts";
import type { Boxed } from "../values.ts";
import {
  construct,
  type GoService,
  goFunction,
  goMethod,
  hostTask,
  requireMethods,
  serviceLogger,
  shutDown,
} from "./goService.ts";

/** A change as the sync traffic publishes and its devices record it. */
interface Change {
  readonly user: string;
  readonly path: string;
  readonly version: number;
}

/** Go's Change, a struct value: the fields lesson 5's Change declares. */
interface GoChange {
  User: string;
  Path: string;
  Version: number;
  Deleted: boolean;
  At: number;
}

/** The module the sync traffic and lesson 5's checks construct the hub and the service from. */
export function syncService(go: GoService): Readonly<Record<string, unknown>> {
  const { host } = go;
  const newService = goFunction(go, "NewService");
  requireMethods(go, "Service", ["ApplyChange", "WatchChanges"]);

  /**
   * The files' versions as the store keeps them. The traffic numbers each user's edits, and an edit is of the
   * version before it: ApplyChange then gives it the traffic's number.
   */
  const versions = new Map<string, number>();
  const store = host.value("store", {
    Version: (_ctx: Boxed, user: string, path: string) => [versions.get(`${user}\u0000${path}`) ?? 0, null],
    Save: (_ctx: Boxed, c: GoChange) => {
      versions.set(`${c.User}\u0000${c.Path}`, c.Version);
      return null;
    },
  });

  /** Each hub's Go service, once a SyncService is made with it: the hub's changes go in through it. */
  const services = new WeakMap<ChangeHub, Promise<Boxed>>();

  class ChangeHub {
    async publish(change: Change): Promise<void> {
      const made = services.get(this);
      if (!made) throw new Error("ChangeHub: no SyncService yet to publish through");
      const service = await made;
      const key = `${change.user}\u0000${change.path}`;
      versions.set(key, change.version - 1);
      const edit: GoChange = {
        User: change.user,
        Path: change.path,
        Version: change.version - 1,
        Deleted: false,
        At: 0,
      };
      const [, err] = (await goMethod(go, service, "ApplyChange")(host.context(background()), edit)) as [
        unknown,
        Boxed | null,
      ];
      const text = await host.errorText(err);
      if (text !== undefined) throw new Error(text);
    }
  }

  class SyncService {
    readonly #service: Promise<Boxed>;

    constructor(hub: ChangeHub) {
      this.#service = construct(go, newService(store, serviceLogger(host)), "Service");
      services.set(hub, this.#service);
    }

    /** WatchChanges with a channel of Go's Changes, whose values a connection hands on to the device. */
    async watchChanges(ctx: Context, user: string, out: Chan<Change>): Promise<boolean> {
      const watch = goMethod(go, await this.#service, "WatchChanges");
      const changes = new Chan<GoChange>(0);
      const accepted = (await watch(host.context(ctx), user, changes)) as boolean;
      if (accepted) hostTask("device connection", () => forward(ctx, changes, out));
      return accepted;
    }

    close(): void {
      shutDown(go, this.#service, "Close");
    }
  }
  return { ChangeHub, SyncService };
}

/**
 * The device's end of the connection: each Go Change handed on as the device reads a change, until the device
 * goes away (its context is done). From then on nobody reads what the watcher sends, as in the incident.
 */
async function forward(ctx: Context, changes: Chan<GoChange>, out: Chan<Change>): Promise<void> {
  const gone = ctx.done();
  for (let connected = true; connected; ) {
    connected = await select([recv(changes, (change) => change), recv(gone, () => undefined)]).then(
      async (change) => {
        if (change === undefined) return false;
        const delivered = { user: change.User, path: change.Path, version: change.Version };
        return select([send(out, delivered, () => true), recv(gone, () => false)]);
      },
    );
  }
}
