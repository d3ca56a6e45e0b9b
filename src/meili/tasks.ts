// Awaiting Meilisearch tasks: the client's wait resolves even when a task failed, so check the status and throw.
import { MeilisearchTaskTimeOutError, type EnqueuedTaskPromise, type Task } from "meilisearch";

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
  // Waited in slices of at most 5 s: the client adds an abort listener per poll to one signal per wait, so a
  // single long wait (a large indexing batch) piles up thousands of them and Node warns of a leak.
  const deadline = Date.now() + timeout;
  for (let interval = 25; ; interval = Math.min(interval * 2, 250)) {
    let task: Task;
    try {
      task = await enqueued.waitTask({ timeout: Math.max(1, Math.min(5000, deadline - Date.now())), interval });
    } catch (err) {
      if (err instanceof MeilisearchTaskTimeOutError && Date.now() < deadline) continue;
      throw err;
    }
    if (task.status !== "succeeded") throw new TaskFailedError(task, what);
    return task;
  }
}
