// Awaiting Meilisearch tasks: the client's wait resolves even when a task failed, so check the status and throw.
import type { EnqueuedTaskPromise, Task } from "meilisearch";

/** Generous by default: on a busy 2-core machine single tasks have been seen taking ~2 s. */
export const TASK_TIMEOUT_MS = 120_000;

/** Thrown when a Meilisearch task ends `failed` or `canceled`; carries the task and Meilisearch's error code. */
export class TaskFailedError extends Error {
  readonly task: Task;
  readonly code: string | undefined;

  constructor(task: Task, what: string) {
    const reason = task.error?.message ?? task.status;
    super(`Meilisearch task ${task.uid} (${what}) ${task.status}: ${reason}`);
    this.name = "TaskFailedError";
    this.task = task;
    this.code = task.error?.code;
  }
}

/** Waits for an enqueued task and returns it when it `succeeded`; throws `TaskFailedError` otherwise. */
export async function awaitTask(
  enqueued: EnqueuedTaskPromise,
  what: string,
  timeout = TASK_TIMEOUT_MS,
): Promise<Task> {
  const task = await enqueued.waitTask({ timeout, interval: 25 });
  if (task.status !== "succeeded") throw new TaskFailedError(task, what);
  return task;
}
