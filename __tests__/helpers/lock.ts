/** Locks as other processes leave them, for the tests of the lock and of what takes it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A process ID that no longer runs. */
export const gonePid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;

/** A lock directory as another process leaves it: one owner file naming `pid` on this machine, written `ageMs` ago. */
export function plantLock(lock: string, pid: number, ageMs = 0): void {
  mkdirSync(lock);
  const owner = path.join(lock, 'owner.1.1.abc');
  writeFileSync(owner, JSON.stringify({ pid, host: os.hostname() }));
  if (ageMs) {
    const then = new Date(Date.now() - ageMs);
    utimesSync(owner, then, then);
  }
}
