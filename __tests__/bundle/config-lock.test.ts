/**
 * The lock on a shared docker config: a lock left by a job killed while holding it does not
 * hold up the next job, a lock whose holder is alive but stalled past the staleness limit is
 * taken over before a waiter gives up, and when many jobs find a stale lock at once exactly one
 * takes it over, so no login is lost. Run through the built GitHub bundle; lock waits run
 * faster under CHAINGUARD_LOGIN_TIME_SCALE.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { BUNDLE_NODE_OPTIONS, ROOT } from '../../emulators/runners.mjs';
import { useBundleHarness } from '../helpers/bundles.js';
import { spawnGithubMain, type SpawnedStep } from '../helpers/spawn.js';

const h = useBundleHarness();
const fast = { CHAINGUARD_LOGIN_TIME_SCALE: '0.05' };
const HOLD_RENAME = path.join(ROOT, '__tests__', 'helpers', 'hold-rename.cjs');

let shared: string;
let file: string;
beforeEach(() => {
  shared = path.join(h.dir, 'shared-home', '.docker');
  mkdirSync(shared, { recursive: true });
  file = path.join(shared, 'config.json');
});

const read = () => JSON.parse(readFileSync(file, 'utf8'));

/**
 * Starts a job and sends it `signal` while it holds the lock: the job is held (a preload) just
 * before it replaces config.json, which it does holding the lock, so the signal always lands there.
 * Afterwards config.json is empty.
 */
async function stopWhileLocked(name: string, signal: NodeJS.Signals): Promise<SpawnedStep> {
  const step = spawnGithubMain(h.githubJob(name), h.githubInputs({ 'docker-config': shared }), {
    ...h.env(),
    NODE_OPTIONS: `${BUNDLE_NODE_OPTIONS} --require=${JSON.stringify(HOLD_RENAME)}`,
    CGL_TEST_HOLD_RENAME: file
  });
  const lock = `${file}.lock`;
  while (!existsSync(lock)) {
    if (step.child.exitCode !== null) {
      const { code, stdout } = await step.done;
      const said = stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
      throw new Error(`the job ended (exit code ${code}) before it took the lock:\n${said.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  step.child.kill(signal);
  // The next job starts from an empty config, without the logins of an earlier round.
  writeFileSync(file, '{}');
  return step;
}

/** An STS front that holds every exchange until `count` have arrived, then forwards them all at once. */
async function startBarrier(count: number, target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const waiting: Array<() => void> = [];
  const release = () => waiting.splice(0).forEach((go) => go());
  const timer = setTimeout(release, 20_000);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      waiting.push(() => {
        const forward = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        forward.end(Buffer.concat(chunks));
      });
      if (waiting.length >= count) release();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      clearTimeout(timer);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
}

describe('the docker config lock', () => {
  it('does not hold up the next job when the job holding it was killed', async () => {
    const killed = await stopWhileLocked('killed', 'SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    expect(existsSync(`${file}.lock`)).toBe(true);

    const main = await h.githubMain(h.githubJob('next'), h.githubInputs({ 'docker-config': shared }), fast);
    expect(main.stdout).not.toMatch(/::error::/);
    expect(main.code).toBe(0);
    expect(Object.keys(read().auths)).toEqual(['cgr.dev']);
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 40_000);

  it('takes over from a live holder stalled past the staleness limit before giving up', async () => {
    const stalled = await stopWhileLocked('stalled', 'SIGSTOP');
    try {
      const main = await h.githubMain(h.githubJob('next'), h.githubInputs({ 'docker-config': shared }), fast);
      expect(main.stdout).not.toMatch(/::error::/);
      expect(main.code).toBe(0);
      expect(Object.keys(read().auths)).toEqual(['cgr.dev']);
    } finally {
      stalled.child.kill('SIGKILL');
      await stalled.done;
    }
  }, 40_000);

  it('loses no login when 16 jobs find a stale lock at once (2 rounds, removals slowed down)', async () => {
    const JOBS = 16;
    for (let round = 0; round < 2; round++) {
      const killed = await stopWhileLocked(`killed-${round}`, 'SIGKILL');
      await killed.done;
      // The temporary file the killed job was about to rename into place.
      for (const name of readdirSync(shared)) if (name.endsWith('.tmp')) rmSync(path.join(shared, name));
      // Left a minute ago: stale by age as well as by its dead holder.
      const past = new Date(Date.now() - 60_000);
      utimesSync(`${file}.lock`, past, past);
      const barrier = await startBarrier(JOBS, h.emulators.sts.url);
      try {
        const registries = Array.from({ length: JOBS }, (_, i) => `registry-${round}-${i}.example.test`);
        const mains = await Promise.all(
          registries.map((registry, i) => {
            const job = h.githubJob(`round-${round}-${i}`);
            // Real lock timing: slowed down, sixteen jobs in a row take longer than a scaled wait.
            return spawnGithubMain(
              job,
              h.githubInputs({ registry, issuer: barrier.url, 'docker-config': shared }),
              h.env(),
              slowRemovals(file)
            ).done;
          })
        );
        expect(mains.map((m) => (m.code === 0 ? 0 : (/^::error::.*/m.exec(m.stdout)?.[0] ?? m.code)))).toEqual(Array(JOBS).fill(0));
        expect(Object.keys(read().auths).sort()).toEqual([...registries].sort());
        // No lock, no staging directory, no temporary file left.
        expect(readdirSync(shared).sort()).toEqual(['config.json', 'config.json.chainguard-login.json']);
      } finally {
        await barrier.close();
      }
    }
  }, 120_000);
});

/**
 * Runs a step under strace, delaying by 100 ms every removal or rename that names the lock or
 * the config file: this widens the moment between a job deciding that the lock is stale and
 * acting on it, where two jobs could otherwise both take the lock over.
 */
function slowRemovals(file: string): string[] {
  const delayed = '?unlink,unlinkat,?rename,renameat,?renameat2,?rmdir';
  return ['strace', '-f', '-qq', '-o', '/dev/null', '-P', `${file}.lock`, '-P', file, '-e', `inject=${delayed}:delay_enter=100000`];
}
