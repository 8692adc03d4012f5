/**
 * The panic for a forgotten `await`: which call the learner did not await, and where.
 *
 * A task that blocks hands its turn on at once, but its caller's code goes on until its next `await`, and the
 * next task's code only runs once its awaited promise settles, a microtask later. So the scheduler counts a turn
 * as entered only when that promise settles (Task.enterTurn); a call into the runtime before then comes from a
 * task that did not await a blocking call (`ch.send(x)` on its own). Such a call is not charged to the task whose
 * turn it is: the run ends with the panic made here. The scheduler keeps track of whose turn it is, since it
 * needs that on every call; what to tell the learner is worked out here, only once something went wrong.
 */
import type { TaskState } from "./handles.ts";
import { Panic } from "./panic.ts";
import type { Task } from "./task.ts";

/** The call a learner writes to block in each state. */
const BLOCKING_CALLS: Partial<Record<TaskState, string>> = {
  "chan send": "ch.send(...)",
  "chan send (nil chan)": "ch.send(...)",
  "chan receive": "ch.recv()",
  "chan receive (nil chan)": "ch.recv()",
  select: "select(...)",
  "select (no cases)": "select([])",
  sleep: "time.sleep(...)",
  "sync.Mutex.Lock": "mu.lock()",
  "sync.WaitGroup.Wait": "wg.wait()",
};

/**
 * `task` went on running (`whatItDid`: "went on to ch.recv", "returned"...) after a blocking call it did not
 * await. The panic's stack starts at that call when a block stack was captured, so the learner's line is the one
 * missing its `await`.
 */
export function forgottenAwaitPanic(task: Task, whatItDid: string): Panic {
  const call = (task.blockedIn && BLOCKING_CALLS[task.blockedIn]) ?? "a blocking call";
  const error = new Panic(
    `${call} returns a promise: did you forget \`await\`? The goroutine ${whatItDid} while still blocked in it`,
  );
  const frames = stackFrames(task.blockStack?.stack);
  if (frames !== "") {
    error.stack = `${error.name}: ${error.message}\n${frames}\n${stackFrames(error.stack)}`;
  }
  return error;
}

/** A call out of turn when no task blocked just before it, so the one that forgot its `await` is not known. */
export function outOfTurnPanic(whatItDid: string): Panic {
  return new Panic(
    `a goroutine ${whatItDid} while another had its turn: did you forget \`await\` on an earlier call?`,
  );
}

/** The frame lines of a stack trace, without its message line. */
function stackFrames(stack: string | undefined): string {
  if (stack === undefined) return "";
  return stack
    .split("\n")
    .filter((line) => /^\s+at |@.+:\d+:\d+$/.test(line))
    .join("\n");
}
