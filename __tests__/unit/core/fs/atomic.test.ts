/** The file primitives: reads that never block and are bounded, and the atomic writer. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FileTooLarge, NotRegularFile, readRegularFile, writeFileAtomic } from '../../../../src/core/fs/atomic.js';
import { removeTempDirs, tempDir } from '../../../helpers/temp.js';

afterAll(removeTempDirs);

describe('readRegularFile', () => {
  it('reads a regular file and says undefined for a missing one', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a'), 'hello\n');
    expect(readRegularFile(path.join(dir, 'a'))).toBe('hello\n');
    expect(readRegularFile(path.join(dir, 'missing'))).toBeUndefined();
  });

  it('refuses a FIFO with no writer at once instead of waiting for one', () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(() => readRegularFile(fifo)).toThrow(NotRegularFile);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a directory', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'sub'));
    expect(() => readRegularFile(path.join(dir, 'sub'))).toThrow(NotRegularFile);
  });

  it('refuses a file larger than the bound, and reads one exactly at it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'big'), 'x'.repeat(101));
    writeFileSync(path.join(dir, 'fits'), 'x'.repeat(100));
    expect(() => readRegularFile(path.join(dir, 'big'), { maxBytes: 100 })).toThrow(FileTooLarge);
    expect(readRegularFile(path.join(dir, 'fits'), { maxBytes: 100 })).toHaveLength(100);
    // Several reads' worth of text arrives whole.
    writeFileSync(path.join(dir, 'long'), 'y'.repeat(200_000));
    expect(readRegularFile(path.join(dir, 'long'))).toHaveLength(200_000);
  });

  it('follows a symbolic link unless told not to', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'target'), 'through the link');
    symlinkSync(path.join(dir, 'target'), path.join(dir, 'link'));
    expect(readRegularFile(path.join(dir, 'link'))).toBe('through the link');
    expect(() => readRegularFile(path.join(dir, 'link'), { noFollow: true })).toThrow(expect.objectContaining({ code: 'ELOOP' }));
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole with mode 0600 and leaves no temporary file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'f.json');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['f.json']);
  });

  it('applies another mode whatever the umask', () => {
    const dir = tempDir();
    const file = path.join(dir, 'g');
    const previous = process.umask(0o077);
    try {
      writeFileAtomic(file, 'text', { mode: 0o644 });
    } finally {
      process.umask(previous);
    }
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it('removes its temporary file when the rename fails', () => {
    const dir = tempDir();
    const target = path.join(dir, 'is-a-directory');
    mkdirSync(path.join(target, 'child'), { recursive: true });
    expect(() => writeFileAtomic(target, 'text')).toThrow();
    expect(readdirSync(dir)).toEqual(['is-a-directory']);
  });
});
