/** FIFOs where the product expects regular files, for the tests that it never blocks on one. */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes a FIFO at `file` (and its directory). If a reader is still blocked on it after `afterMs`,
 * feeds it `feed` so that the step (and the test) can go on; a step that never opened it is not
 * affected. `fed()` says whether feeding was needed; `stop()` cancels it.
 */
export function fifo(file: string, feed: string, afterMs: number): { fed: () => boolean; stop: () => void } {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('mkfifo', [file]);
  let fed = false;
  const timer = setTimeout(() => {
    try {
      const fd = openSync(file, constants.O_WRONLY | constants.O_NONBLOCK);
      fed = true;
      writeSync(fd, feed);
      closeSync(fd);
    } catch {
      // nobody is reading it
    }
  }, afterMs);
  return { fed: () => fed, stop: () => clearTimeout(timer) };
}
