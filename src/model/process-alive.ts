/**
 * True when no process with this id runs on this machine, so what it left behind (a temporary
 * dataset, an output lock) may be removed. A process of another user answers EPERM: it runs.
 */
export function processIsGone(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as { code?: unknown }).code === 'ESRCH';
  }
}
