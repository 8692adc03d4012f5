/**
 * `npm run replay -- [--minutes N] [--fixed upload,sync,ratelimit|all] [--limit-mib N] [--pods N]
 * [--restart-at HH:MM[,HH:MM...]] [--seed N] [--json]`: the incident night on whole cloudvault-api pods.
 * Text: a table every five minutes (handles and memory per pod), the events, the heap profile, the symptoms.
 * JSON: the object README.md's "Scripts" promises, with every minute's samples.
 */
import type { ServiceName } from "../src/sim/pod.ts";
import { SERVICES } from "../src/sim/pod.ts";
import { DEFAULT_REPLAY, parseClock, type ReplayOptions, replay } from "../src/sim/replay.ts";
import { formatReplay } from "./formatReplay.ts";
import { serviceCode } from "./replayCode.ts";

const USAGE =
  "usage: npm run replay -- [--minutes N] [--fixed upload,sync,ratelimit|all] [--limit-mib N] [--pods N] [--restart-at HH:MM[,HH:MM]] [--seed N] [--json]";

class UsageError extends Error {}

function positiveInteger(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (value === undefined || !Number.isInteger(number) || number <= 0) {
    throw new UsageError(`${flag} needs a positive whole number\n${USAGE}`);
  }
  return number;
}

function parseFixed(value: string | undefined): Set<ServiceName> {
  if (value === undefined) throw new UsageError(`--fixed needs a list of services\n${USAGE}`);
  if (value === "all") return new Set(SERVICES);
  const names = value.split(",").map((name) => name.trim());
  const unknown = names.find((name) => !SERVICES.includes(name as ServiceName));
  if (unknown !== undefined)
    throw new UsageError(`--fixed: no service "${unknown}" (${SERVICES.join(", ")}, all)`);
  return new Set(names as ServiceName[]);
}

function parseArgs(args: readonly string[]): { options: ReplayOptions; json: boolean } {
  let options: ReplayOptions = DEFAULT_REPLAY;
  let json = false;
  for (let index = 0; index < args.length; index++) {
    const flag = args[index];
    const value = args[index + 1];
    switch (flag) {
      case "--json":
        json = true;
        continue;
      case "--minutes":
        options = { ...options, minutes: positiveInteger(flag, value) };
        break;
      case "--pods":
        options = { ...options, pods: positiveInteger(flag, value) };
        break;
      case "--limit-mib":
        options = { ...options, limitMiB: positiveInteger(flag, value) };
        break;
      case "--seed":
        options = { ...options, seed: positiveInteger(flag, value) };
        break;
      case "--fixed":
        options = { ...options, fixed: parseFixed(value) };
        break;
      case "--restart-at": {
        const times = (value ?? "").split(",").map(parseClock);
        if (value === undefined || times.some((at) => at === undefined)) {
          throw new UsageError(`--restart-at needs clock times like 04:10\n${USAGE}`);
        }
        options = { ...options, restartAt: times as number[] };
        break;
      }
      default:
        throw new UsageError(`unknown argument ${flag}\n${USAGE}`);
    }
    index++;
  }
  return { options, json };
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const result = await replay(parsed.options, serviceCode);
  const { heapProfile, samples, events, symptoms } = result;
  process.stdout.write(
    parsed.json
      ? `${JSON.stringify({ samples, events, heapProfile, symptoms })}\n`
      : formatReplay(result, parsed.options),
  );
  return 0;
}

// exitCode, not exit(): exit() would cut off a large --json output still on its way down a pipe.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `internal error in the replay: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
