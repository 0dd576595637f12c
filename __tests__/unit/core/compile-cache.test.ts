/** Where the compile cache goes, and which folders are safe to hold code the step will run. */
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMPILE_CACHE_FOLDER, compileCacheDir, freshMachineEveryJob, privateCacheDir } from '../../../src/core/compile-cache.js';
import { removeTempDirs, tempDir } from '../../helpers/temp.js';

const uid = process.getuid?.() ?? 0;
const isRoot = uid === 0;
/** A user that is not this one (root when the tests are not root, `nobody` when they are). */
const otherUid = isRoot ? 65534 : 0;
afterAll(removeTempDirs);

describe('compileCacheDir', () => {
  it("is a folder of its own in the runner's tool cache, else the agent's, else the OS temp directory", () => {
    expect(compileCacheDir({ RUNNER_TOOL_CACHE: '/runner/_tool', AGENT_TOOLSDIRECTORY: '/agent/_tool' })).toBe(
      path.join('/runner/_tool', COMPILE_CACHE_FOLDER)
    );
    expect(compileCacheDir({ AGENT_TOOLSDIRECTORY: '/agent/_tool' })).toBe(path.join('/agent/_tool', COMPILE_CACHE_FOLDER));
    expect(compileCacheDir({})).toBe(path.join(os.tmpdir(), COMPILE_CACHE_FOLDER));
  });
});

describe('freshMachineEveryJob', () => {
  it('is true on a GitHub-hosted runner and a Microsoft-hosted agent, false on self-hosted ones', () => {
    expect(freshMachineEveryJob({ RUNNER_ENVIRONMENT: 'github-hosted' })).toBe(true);
    expect(freshMachineEveryJob({ AGENT_CLOUDID: '9c3f1e0a-0000-0000-0000-000000000000' })).toBe(true);
    expect(freshMachineEveryJob({ RUNNER_ENVIRONMENT: 'self-hosted' })).toBe(false);
    expect(freshMachineEveryJob({ AGENT_CLOUDID: '' })).toBe(false);
    expect(freshMachineEveryJob({})).toBe(false);
  });
});

describe('privateCacheDir', () => {
  it('creates the folder for its owner alone and returns it', () => {
    const base = tempDir();
    const dir = privateCacheDir(path.join(base, COMPILE_CACHE_FOLDER), uid);
    expect(dir).toBe(path.join(base, COMPILE_CACHE_FOLDER));
    const stats = lstatSync(dir as string);
    expect(stats.isDirectory()).toBe(true);
    expect(stats.uid).toBe(uid);
    expect(stats.mode & 0o777).toBe(0o700);
  });

  it('takes an existing folder of its own that nobody else can write', () => {
    const base = tempDir();
    mkdirSync(path.join(base, COMPILE_CACHE_FOLDER), { mode: 0o755 });
    expect(privateCacheDir(path.join(base, COMPILE_CACHE_FOLDER), uid)).toBe(path.join(base, COMPILE_CACHE_FOLDER));
  });

  it('accepts a sticky directory that everybody can write above it, as /tmp is', () => {
    const base = tempDir();
    chmodSync(base, 0o1777);
    expect(privateCacheDir(path.join(base, COMPILE_CACHE_FOLDER), uid)).toBe(path.join(base, COMPILE_CACHE_FOLDER));
  });

  it.each([
    ['others can write the folder', (folder: string) => void (mkdirSync(folder), chmodSync(folder, 0o777))],
    ['its group can write the folder', (folder: string) => void (mkdirSync(folder), chmodSync(folder, 0o770))],
    ['the folder is a symbolic link to a private directory', (folder: string) => symlinkSync(tempDir(), folder)],
    ['the folder is a file', (folder: string) => writeFileSync(folder, 'not a directory')]
  ])('refuses it when %s', (_what, arrange) => {
    const base = tempDir();
    const folder = path.join(base, COMPILE_CACHE_FOLDER);
    arrange(folder);
    expect(privateCacheDir(folder, uid)).toBeUndefined();
  });

  it('refuses, and creates nothing, under a directory others can write that is not sticky', () => {
    const base = tempDir();
    chmodSync(base, 0o777);
    expect(privateCacheDir(path.join(base, COMPILE_CACHE_FOLDER), uid)).toBeUndefined();
    expect(readdirSync(base)).toEqual([]);
  });

  it('refuses, and creates nothing, under a directory that belongs to a third user', () => {
    const base = tempDir();
    // Neither this user nor root: the base directory is this user's (or, as root, made nobody's).
    const stranger = 4242;
    if (isRoot) chownSync(base, otherUid, otherUid);
    expect(privateCacheDir(path.join(base, COMPILE_CACHE_FOLDER), stranger)).toBeUndefined();
    expect(existsSync(path.join(base, COMPILE_CACHE_FOLDER))).toBe(false);
  });

  (isRoot ? it : it.skip)('refuses a folder another user owns (needs root to make one)', () => {
    const base = tempDir();
    const folder = path.join(base, COMPILE_CACHE_FOLDER);
    mkdirSync(folder, { mode: 0o700 });
    chownSync(folder, otherUid, otherUid);
    expect(privateCacheDir(folder, uid)).toBeUndefined();
  });

  it('refuses a relative path, and a base directory that does not exist', () => {
    expect(privateCacheDir(path.join('relative', COMPILE_CACHE_FOLDER), uid)).toBeUndefined();
    expect(privateCacheDir(path.join(tempDir(), 'missing', COMPILE_CACHE_FOLDER), uid)).toBeUndefined();
  });
});
