/** The lock shared by processes on one machine: one try, the wait around it, takeover of stale and dead holders. */
import { promises as fs, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lockHolder, processAlive, tryLock, withLock } from '../../../../src/core/fs/lock.js';
import { gonePid, plantLock } from '../../../helpers/lock.js';
import { removeTempDirs, tempDir } from '../../../helpers/temp.js';

afterAll(removeTempDirs);

describe('tryLock', () => {
  it('takes a free lock, says who holds it, and leaves nothing behind once released', () => {
    const lock = path.join(tempDir(), 'x.lock');
    const release = tryLock(lock, 30_000);
    expect(release).toBeDefined();
    expect(lockHolder(lock)).toBe(process.pid);
    expect(tryLock(lock, 30_000)).toBeUndefined();
    release?.();
    expect(readdirSync(path.dirname(lock))).toEqual([]);
  });

  it('takes over a lock whose holder is gone, and one held longer than the staleness limit', () => {
    const dir = tempDir();
    plantLock(path.join(dir, 'dead.lock'), gonePid());
    const dead = tryLock(path.join(dir, 'dead.lock'), 30_000);
    expect(dead).toBeDefined();
    dead?.();
    plantLock(path.join(dir, 'old.lock'), process.pid, 60_000);
    const old = tryLock(path.join(dir, 'old.lock'), 30_000);
    expect(old).toBeDefined();
    old?.();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never takes a lock a live holder has, nor something that is not a lock', () => {
    const dir = tempDir();
    plantLock(path.join(dir, 'live.lock'), process.pid);
    expect(tryLock(path.join(dir, 'live.lock'), 30_000)).toBeUndefined();
    writeFileSync(path.join(dir, 'file.lock'), 'not a lock');
    expect(tryLock(path.join(dir, 'file.lock'), 0)).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(['file.lock', 'live.lock']);
  });

  it('a release after a takeover leaves the new holder its lock', () => {
    const lock = path.join(tempDir(), 'x.lock');
    const first = tryLock(lock, 30_000);
    // The first holder is taken to be stale (a staleness limit of 0) and taken over.
    const second = tryLock(lock, -1);
    expect(second).toBeDefined();
    first?.();
    expect(lockHolder(lock)).toBe(process.pid);
    expect(tryLock(lock, 30_000)).toBeUndefined();
    second?.();
  });
});

describe('withLock', () => {
  it('runs one holder at a time', async () => {
    const file = path.join(tempDir(), 'config.json');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        withLock(file, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 20));
          inside--;
        })
      )
    );
    expect(most).toBe(1);
  });

  it('takes over a lock whose process is gone', async () => {
    const file = path.join(tempDir(), 'config.json');
    plantLock(`${file}.lock`, gonePid());
    await expect(withLock(file, async () => 'done', { scale: 0.01 })).resolves.toBe('done');
    expect(await fs.readdir(path.dirname(file))).toEqual([]);
  });

  it('gives up, naming the lock, on one it cannot clear', async () => {
    const file = path.join(tempDir(), 'config.json');
    mkdirSync(`${file}.lock`);
    writeFileSync(path.join(`${file}.lock`, 'something-else'), '');
    await expect(withLock(file, async () => 'done', { scale: 0.01 })).rejects.toThrow(
      /could not take .*config\.json\.lock within 0 s .*remove .*config\.json\.lock/
    );
    expect((await fs.readdir(path.dirname(file))).sort()).toEqual(['config.json.lock']);
  });
});

describe('processAlive', () => {
  it('knows this process runs and a finished one does not', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(gonePid())).toBe(false);
  });
});
