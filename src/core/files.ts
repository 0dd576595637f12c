/**
 * File primitives shared by the docker config writer and the credential helper: unique names
 * for temporary files, atomic replacement, and whether a lock holder still runs. Kept free of
 * heavier modules, so that the helper's cached answer stays quick.
 */
import fs from 'node:fs';

let temporaries = 0;

/** A name no other process or call will pick: pid, a counter and random characters. */
export function uniqueSuffix(): string {
  return `${process.pid}.${++temporaries}.${Math.random().toString(36).slice(2, 10)}`;
}

/** Whether a process runs on this machine. EPERM means it runs as someone else. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface AtomicWriteOptions {
  /** Flush to disk before the rename: for files that outlive the job. */
  durable?: boolean;
  /** The file's mode (default 0600), applied whatever the umask. */
  mode?: number;
}

const FILE_MODE = 0o600;

/**
 * Writes `text` to `file` through a temporary file beside it and a rename, so that readers never
 * see half a file; a failed write removes its temporary file.
 */
export function writeTextAtomic(file: string, text: string, options: AtomicWriteOptions = {}): void {
  const mode = options.mode ?? FILE_MODE;
  const temporary = `${file}.${uniqueSuffix()}.tmp`;
  const fd = fs.openSync(temporary, 'wx', mode);
  try {
    try {
      if (mode !== FILE_MODE) fs.fchmodSync(fd, mode);
      fs.writeFileSync(fd, text);
      if (options.durable) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    renameReplacing(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Renames over an existing file. Windows refuses while another process has the target open
 * (a concurrent reader of the helper's cache), so there the rename is tried again for a moment.
 */
function renameReplacing(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || attempt >= 10 || !(code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 * attempt);
    }
  }
}
