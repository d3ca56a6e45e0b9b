// Whether a process id is alive on this host: used for stale run files and locks, and by tests that check for orphans.

/** True when `pid` is a running process (EPERM means it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
