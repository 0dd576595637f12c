/**
 * The job directory's links to the seed config: symbolic links on POSIX; on Windows directory
 * junctions (no privilege needed), or the folder left out with a warning naming it. The win32
 * branch runs here with the platform injected; real junctions are made on Windows itself
 * (windows-latest), where wine cannot (it answers ENOTSUP: the Windows suite sees the warning).
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createJobDir, linkSeedEntries, removeJobDir, unlinkSeedEntries } from '../../../../src/core/docker/job-dir.js';
import { removeTempDirs, tempDir } from '../../../helpers/temp.js';

afterAll(removeTempDirs);

/** A seed docker config with cli-plugins and buildx (no contexts), and a fresh job directory. */
function seedAndJob(): { seed: string; job: string } {
  const root = tempDir();
  const seed = path.join(root, '.docker');
  mkdirSync(path.join(seed, 'cli-plugins'), { recursive: true });
  mkdirSync(path.join(seed, 'buildx'));
  writeFileSync(path.join(seed, 'cli-plugins', 'docker-buildx'), '#!/bin/sh\n');
  return { seed, job: createJobDir(path.join(root, 'temp')) };
}

type Call = { target: string; link: string; type: string };
/** Records each link asked for; fails those `fail` says; makes the rest only where links are real (POSIX). */
const recording =
  (calls: Call[], fail?: (link: string) => NodeJS.ErrnoException | undefined) =>
  (target: string, link: string, type: 'dir' | 'junction') => {
    calls.push({ target, link, type });
    const error = fail?.(link);
    if (error) throw error;
    if (process.platform !== 'win32') symlinkSync(target, link, type);
  };
/** The POSIX branch makes real symbolic links, which Windows grants only with a privilege. */
const onPosix = process.platform === 'win32' ? it.skip : it;
const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: operation not permitted, symlink`), { code });

describe('linkSeedEntries', () => {
  onPosix('POSIX: links each folder the seed has with a symbolic link, as before', () => {
    const { seed, job } = seedAndJob();
    const warnings: string[] = [];
    linkSeedEntries(seed, job, { warn: (m) => warnings.push(m), platform: 'linux' });
    expect(readlinkSync(path.join(job, 'cli-plugins'))).toBe(path.join(seed, 'cli-plugins'));
    expect(readdirSync(path.join(job, 'cli-plugins'))).toEqual(['docker-buildx']);
    expect(lstatSync(path.join(job, 'buildx')).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(job, 'contexts'))).toBe(false);
    expect(warnings).toEqual([]);
  });

  onPosix('POSIX: a link that cannot be made fails the login, as before', () => {
    const { seed, job } = seedAndJob();
    const calls: Call[] = [];
    expect(() =>
      linkSeedEntries(seed, job, { warn: () => undefined, platform: 'linux', symlink: recording(calls, () => errno('EACCES')) })
    ).toThrow(/EACCES/);
  });

  it('Windows: links with directory junctions to absolute targets', () => {
    const { seed, job } = seedAndJob();
    const relativeSeed = path.relative(process.cwd(), seed);
    const calls: Call[] = [];
    const warnings: string[] = [];
    linkSeedEntries(relativeSeed, job, { warn: (m) => warnings.push(m), platform: 'win32', symlink: recording(calls) });
    expect(calls).toEqual([
      { target: path.join(seed, 'cli-plugins'), link: path.join(job, 'cli-plugins'), type: 'junction' },
      { target: path.join(seed, 'buildx'), link: path.join(job, 'buildx'), type: 'junction' }
    ]);
    expect(warnings).toEqual([]);
  });

  it('Windows: a junction that cannot be made leaves that folder out with a warning naming it; the rest are linked', () => {
    const { seed, job } = seedAndJob();
    const calls: Call[] = [];
    const warnings: string[] = [];
    linkSeedEntries(seed, job, {
      warn: (m) => warnings.push(m),
      platform: 'win32',
      symlink: recording(calls, (link) => (link.endsWith('cli-plugins') ? errno('EPERM') : undefined))
    });
    expect(warnings).toEqual([
      `Left cli-plugins out of the job's docker config: a directory junction to ${path.join(seed, 'cli-plugins')} could not be made (EPERM); ` +
        'docker CLI plugins installed there (buildx, compose, …) are not found in this job.'
    ]);
    expect(calls.map((call) => path.basename(call.link))).toEqual(['cli-plugins', 'buildx']);
    expect(existsSync(path.join(job, 'cli-plugins'))).toBe(false);
  });
});

describe('unlinkSeedEntries and removeJobDir', () => {
  onPosix('unlinkSeedEntries takes out only the links, before any recursive deletion could go through one', () => {
    const { seed, job } = seedAndJob();
    linkSeedEntries(seed, job, { warn: () => undefined });
    mkdirSync(path.join(job, 'contexts'));
    unlinkSeedEntries(job);
    expect(readdirSync(job).sort()).toEqual(['contexts']);
    expect(readdirSync(path.join(seed, 'cli-plugins'))).toEqual(['docker-buildx']);
  });

  onPosix("deleting the job directory never touches the seed's folders", async () => {
    const { seed, job } = seedAndJob();
    linkSeedEntries(seed, job, { warn: () => undefined });
    await removeJobDir(job);
    expect(existsSync(job)).toBe(false);
    expect(readdirSync(path.join(seed, 'cli-plugins'))).toEqual(['docker-buildx']);
  });
});

/** Windows itself (windows-latest), not wine: wine has no junctions. */
const onRealWindows = process.platform === 'win32' && !process.env.WINEPREFIX ? it : it.skip;

describe('on Windows itself', () => {
  onRealWindows(
    'makes real directory junctions, without a privilege, and deleting the job directory leaves their targets whole',
    async () => {
      const { seed, job } = seedAndJob();
      const warnings: string[] = [];
      linkSeedEntries(seed, job, { warn: (m) => warnings.push(m) });
      expect(warnings).toEqual([]);
      expect(lstatSync(path.join(job, 'cli-plugins')).isSymbolicLink()).toBe(true);
      expect(readdirSync(path.join(job, 'cli-plugins'))).toEqual(['docker-buildx']);
      await removeJobDir(job);
      expect(existsSync(job)).toBe(false);
      expect(readdirSync(path.join(seed, 'cli-plugins'))).toEqual(['docker-buildx']);
    }
  );
});
