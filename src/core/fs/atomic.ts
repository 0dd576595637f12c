/**
 * The file primitives: reads that never block and are bounded, and the one atomic writer. Shared
 * by the docker config writer, the credential helper, the lock and the sources that read files;
 * kept free of heavier modules, so that the helper's cached answer stays quick.
 */
import fs from 'node:fs';

let temporaries = 0;

/** A path that exists but is not a regular file (a FIFO, a device, a directory, a socket). */
export class NotRegularFile extends Error {
  constructor(readonly file: string) {
    super(`${file} is not a regular file`);
    this.name = 'NotRegularFile';
  }
}

/** A regular file larger than the reader accepts. */
export class FileTooLarge extends Error {
  constructor(
    readonly file: string,
    readonly size: number,
    readonly maxBytes: number
  ) {
    super(`${file} is ${size} bytes long; at most ${maxBytes} are read`);
    this.name = 'FileTooLarge';
  }
}

export interface ReadOptions {
  /** Refuse (FileTooLarge) a file larger than this; default 1 MiB. */
  maxBytes?: number;
  /** Refuse a symbolic link at the path itself (the error's code is ELOOP) instead of following it. */
  noFollow?: boolean;
}

const DEFAULT_MAX_READ_BYTES = 1024 * 1024;

/**
 * Reads a file's text if it is a regular file of at most `maxBytes`. Opening never waits: a FIFO
 * with no writer would block the process beyond the reach of any timeout, so the file is opened
 * non-blocking and anything that is not a regular file is refused (NotRegularFile), as is one
 * that is or grows too large (FileTooLarge). Missing → undefined; other errors are thrown as
 * they are (their `code` says why).
 */
export function readRegularFile(file: string, options: ReadOptions = {}): string | undefined {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_READ_BYTES;
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (options.noFollow ? (fs.constants.O_NOFOLLOW ?? 0) : 0);
  let fd: number;
  try {
    fd = fs.openSync(file, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFile(file);
    if (stat.size > maxBytes) throw new FileTooLarge(file, stat.size, maxBytes);
    // Read to the end, not to the size seen: a file that grows past the limit meanwhile is refused too.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - length));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
      if (length > maxBytes) throw new FileTooLarge(file, length, maxBytes);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** A name no other process or call will pick: pid, a counter and random characters. */
export function uniqueSuffix(): string {
  return `${process.pid}.${++temporaries}.${Math.random().toString(36).slice(2, 10)}`;
}

export interface AtomicWriteOptions {
  /**
   * Flush to disk before the rename: for files that outlive the job (a shared docker config).
   * The job's own files (the credential helper's) are not flushed: a crash ends the job they
   * serve, and each flush costs milliseconds at the start of every job.
   */
  durable?: boolean;
  /** The file's mode (default 0600), applied whatever the umask. */
  mode?: number;
}

const FILE_MODE = 0o600;

/**
 * Writes `content` to `file` through a temporary file beside it and a rename, so that readers
 * never see half a file; a failed write removes its temporary file. A string is written as it
 * is; anything else as tab-indented JSON and a final line break.
 */
export function writeFileAtomic(file: string, content: string | object, options: AtomicWriteOptions = {}): void {
  const text = typeof content === 'string' ? content : `${JSON.stringify(content, null, '\t')}\n`;
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
