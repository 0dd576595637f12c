/**
 * The step bundles' compile cache (Node >= 22.1): kept in a private folder of the runner's or the
 * agent's tool cache, read by later runs, and never able to change what a step does or prints
 * when it is damaged, someone else's, unwritable, or not a directory. Run under a Node with the
 * cache (the one the tests run the bundles under, else the pinned Node 24 of scripts/runtimes.mjs).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync
} from 'node:fs';
import path from 'node:path';
import {
  BUNDLE_NODE_OPTIONS,
  bundleNode,
  githubInputEnv,
  ROOT,
  runGithubMain,
  type GithubStepResult,
  type Job,
  type ProcessResult
} from '../../emulators/runners.mjs';
import { installRuntime } from '../../scripts/runtimes.mjs';
import { COMPILE_CACHE_FOLDER } from '../../src/core/compile-cache.js';
import { useBundleHarness } from '../helpers/bundles.js';

const h = useBundleHarness();
const uid = process.getuid?.() ?? 0;
const isRoot = uid === 0;
const NOBODY = 65534;

/** Whether `node` has module.enableCompileCache. */
function hasCompileCache(node: string): boolean {
  return execFileSync(node, ['-p', "typeof require('node:module').enableCompileCache"], { encoding: 'utf8' }).trim() === 'function';
}

/** A Node without the compile cache (Node 20), when the tests have one. */
const nodeWithout = [process.execPath, bundleNode()].find((node) => !hasCompileCache(node));
let cacheNode = '';
const savedTestNode = process.env.CHAINGUARD_TEST_NODE;
beforeAll(async () => {
  cacheNode = hasCompileCache(bundleNode()) ? bundleNode() : await installRuntime('linux-24');
  process.env.CHAINGUARD_TEST_NODE = cacheNode;
}, 300_000);
afterAll(() => {
  if (savedTestNode === undefined) delete process.env.CHAINGUARD_TEST_NODE;
  else process.env.CHAINGUARD_TEST_NODE = savedTestNode;
});

/** The cache folder in `tools`, and every entry Node wrote there (its own versioned folders, then files). */
const folderOf = (tools: string) => path.join(tools, COMPILE_CACHE_FOLDER);
function entries(tools: string): string[] {
  const folder = folderOf(tools);
  if (!existsSync(folder) || !lstatSync(folder).isDirectory()) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** What a user sees of a GitHub step, without what differs from run to run (tokens, random names, times). */
function seen(run: GithubStepResult, job: Job): unknown {
  const tokens = h.emulators.secrets();
  const plain = (text: string) =>
    tokens
      .reduce((t, token) => t.split(token).join('<token>'), text.split(job.dir).join('<job>'))
      .replace(/(chainguard-login-|chainguard-helper-|docker-credential-chainguard-)[A-Za-z0-9]+/g, '$1*')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      .replace(/\d+ ?ms\b/g, '<ms>');
  return {
    code: run.code,
    stderr: run.stderr,
    stdout: plain(run.stdout).split('\n'),
    outputs: Object.keys(run.outputs).sort(),
    exported: Object.keys(run.exported).sort()
  };
}

/** Node's own account of the cache (NODE_DEBUG_NATIVE=COMPILE_CACHE), for the step bundle of `bundle`. */
async function cacheLog(job: Job, bundle = 'dist/github/main/step.index.js', env: NodeJS.ProcessEnv = {}): Promise<string> {
  // Node's debug lines are asked for here, so the run's stderr is checked only for Node's warnings.
  const run = h.record(await runGithubMain(job, h.githubInputs(), { ...h.env(), NODE_DEBUG_NATIVE: 'COMPILE_CACHE', ...env }));
  expect(run.code).toBe(0);
  return run.stderr
    .split('\n')
    .filter((line) => line.startsWith('[compile cache]') && (line.includes(bundle) || !line.includes('file://')))
    .join('\n');
}

describe('compile cache', () => {
  it("is written on a step bundle's first run into a private folder of the tool cache, and read by the runs after it", async () => {
    const github = h.githubJob();
    const main = await h.githubMain(github, h.githubInputs({ 'credential-helper': 'true' }));
    expect(main.code).toBe(0);
    expect(main.stderr).toBe('');
    const post = await h.githubPost(github, main);
    expect(post.code).toBe(0);
    expect(post.stderr).toBe('');
    const folder = lstatSync(folderOf(github.tools));
    expect([folder.isDirectory(), folder.uid, folder.mode & 0o777]).toEqual([true, uid, 0o700]);
    // One entry for each step bundle (the main and the post step), under Node's versioned folder.
    expect(entries(github.tools)).toHaveLength(2);
    expect(await cacheLog(github)).toMatch(/V8 code cache for ESM file:\/\/\S+\/dist\/github\/main\/step\.index\.js was accepted/);

    const azure = h.azureJob();
    const azureMain = await h.azureMain(azure, h.azureInputs());
    expect([azureMain.code, azureMain.result, azureMain.stderr]).toEqual([0, 'Succeeded', '']);
    const azurePost = await h.azurePost(azure, azureMain);
    expect([azurePost.code, azurePost.stderr]).toEqual([0, '']);
    expect(entries(azure.tools)).toHaveLength(2);
    expect(lstatSync(folderOf(azure.tools)).mode & 0o777).toBe(0o700);
  });

  it('changes nothing a user sees: a run with no cache, the first run and a later one print and set the same', async () => {
    const job = h.githubJob();
    const none = await h.githubMain(job, h.githubInputs(), { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(entries(job.tools)).toEqual([]);
    const cold = await h.githubMain(job, h.githubInputs());
    expect(entries(job.tools)).toHaveLength(1);
    const warm = await h.githubMain(job, h.githubInputs());
    expect(none.stderr).toBe('');
    expect(seen(cold, job)).toEqual(seen(none, job));
    expect(seen(warm, job)).toEqual(seen(none, job));
  });

  it.each([
    ['filled with other bytes', (file: string) => writeFileSync(file, Buffer.alloc(lstatSync(file).size, 0x5a))],
    ['cut short', (file: string) => truncateSync(file, 16)],
    ['emptied', (file: string) => truncateSync(file, 0)],
    [
      'changed in the middle (its header intact)',
      (file: string) => {
        const bytes = readFileSync(file);
        for (let i = bytes.length >> 1; i < (bytes.length >> 1) + 64; i++) bytes[i] ^= 0xff;
        writeFileSync(file, bytes);
      }
    ]
  ])('compiles afresh, changing nothing, when an entry is %s, and writes it again', async (_how, damage) => {
    const job = h.githubJob();
    const first = await h.githubMain(job, h.githubInputs());
    const [entry] = entries(job.tools);
    damage(entry);
    const damaged = await h.githubMain(job, h.githubInputs());
    expect(damaged.stderr).toBe('');
    expect(seen(damaged, job)).toEqual(seen(first, job));
    expect(await cacheLog(job)).toMatch(/was accepted/);
  });

  it.each([
    ['others can write', (folder: string) => void (mkdirSync(folder), chmodSync(folder, 0o777))],
    ['its group can write', (folder: string) => void (mkdirSync(folder), chmodSync(folder, 0o770))],
    ['is a symbolic link (to a private folder)', (folder: string) => symlinkSync(path.join(h.dir, 'elsewhere'), folder)],
    ['is a file', (folder: string) => writeFileSync(folder, 'not a folder\n')]
  ])('is not used where its folder %s, and the step runs as without it', async (_what, arrange) => {
    const job = h.githubJob();
    mkdirSync(path.join(h.dir, 'elsewhere'), { mode: 0o700 });
    arrange(folderOf(job.tools));
    const before = readdirSync(h.dir, { recursive: true }).sort();
    expect(await cacheLog(job)).toBe('');
    const run = await h.githubMain(job, h.githubInputs());
    expect([run.code, run.stderr]).toEqual([0, '']);
    // Nothing was written into the folder, the link's target or the file.
    expect(entries(job.tools)).toEqual([]);
    expect(readdirSync(path.join(h.dir, 'elsewhere'))).toEqual([]);
    expect(readdirSync(h.dir, { recursive: true }).filter((f) => String(f).includes(COMPILE_CACHE_FOLDER))).toEqual(
      before.filter((f) => String(f).includes(COMPILE_CACHE_FOLDER))
    );
  });

  it('is not used, and nothing is created, under a tool cache others can write that is not sticky', async () => {
    const job = h.githubJob();
    chmodSync(job.tools, 0o777);
    expect(await cacheLog(job)).toBe('');
    expect(readdirSync(job.tools)).toEqual([]);
  });

  it.each([
    ['NODE_DISABLE_COMPILE_CACHE=1', { NODE_DISABLE_COMPILE_CACHE: '1' }],
    ['a GitHub-hosted runner (a fresh machine for every job)', { RUNNER_ENVIRONMENT: 'github-hosted' }]
  ])('is not used with %s', async (_what, env) => {
    const job = h.githubJob();
    const run = await h.githubMain(job, h.githubInputs(), env);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(readdirSync(job.tools)).toEqual([]);
  });

  it('is not used on a Microsoft-hosted agent (Agent.CloudId set: a fresh machine for every job)', async () => {
    const job = h.azureJob('azure', { AGENT_CLOUDID: '6f2e7a4e-1b7d-4d4c-9c8e-1a2b3c4d5e6f' });
    const run = await h.azureMain(job, h.azureInputs());
    expect([run.code, run.result, run.stderr]).toEqual([0, 'Succeeded', '']);
    expect(readdirSync(job.tools)).toEqual([]);
  });

  it('goes into the OS temp directory when the runner names no tool cache', async () => {
    const job = h.githubJob();
    const temp = path.join(job.dir, 'os-temp');
    mkdirSync(temp, { mode: 0o700 });
    const run = await h.githubMain(job, h.githubInputs(), { RUNNER_TOOL_CACHE: '', TMPDIR: temp });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(entries(temp)).toHaveLength(1);
    expect(readdirSync(job.tools)).toEqual([]);
  });

  (nodeWithout ? it : it.skip)('does not exist on a Node without it (Node 20): nothing is written', async () => {
    const job = h.githubJob();
    process.env.CHAINGUARD_TEST_NODE = nodeWithout;
    try {
      const run = await h.githubMain(job, h.githubInputs());
      expect([run.code, run.stderr]).toEqual([0, '']);
    } finally {
      process.env.CHAINGUARD_TEST_NODE = cacheNode;
    }
    expect(readdirSync(job.tools)).toEqual([]);
  });
});

/**
 * The GitHub step run as `nobody` (from root), in a job directory that user owns, with the tool
 * cache `tools`: as a runner's service account would run it next to a folder it does not own.
 */
async function runAsNobody(tools: string, env: NodeJS.ProcessEnv = {}): Promise<ProcessResult & { outputs: string }> {
  const job = path.join(h.dir, `nobody-${Math.random().toString(36).slice(2, 8)}`);
  for (const dir of ['home', 'temp']) mkdirSync(path.join(job, dir), { recursive: true });
  const output = path.join(job, 'main-output');
  writeFileSync(output, '');
  execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, job]);
  chmodSync(h.dir, 0o755);
  const inputs = h.githubInputs();
  const child = spawn(
    'setpriv',
    [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', cacheNode, path.join(ROOT, 'dist/github/main/index.js')],
    {
      env: {
        PATH: process.env.PATH,
        NODE_OPTIONS: BUNDLE_NODE_OPTIONS,
        HOME: path.join(job, 'home'),
        RUNNER_TEMP: path.join(job, 'temp'),
        RUNNER_TOOL_CACHE: tools,
        GITHUB_OUTPUT: output,
        ...githubInputEnv(inputs),
        ...h.env(),
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr, outputs: readFileSync(output, 'utf8') };
}

describe('compile cache of another user', () => {
  (isRoot ? it : it.skip)('is never read, even when it holds a valid cache, and the step runs as without it (needs root)', async () => {
    // A cache root filled by running the step, then left readable by everybody.
    const job = h.githubJob();
    await h.githubMain(job, h.githubInputs());
    expect(entries(job.tools)).toHaveLength(1);
    chmodSync(h.dir, 0o755);
    execFileSync('chmod', ['-R', 'a+rX', job.dir]);
    const run = await runAsNobody(job.tools, { NODE_DEBUG_NATIVE: 'COMPILE_CACHE' });
    expect(run.code).toBe(0);
    expect(run.outputs).toContain('token<<');
    expect(run.stderr).not.toContain('[compile cache]');
  });

  (isRoot ? it : it.skip)(
    'that it cannot write changes nothing: the step runs, prints nothing more, writes nothing (needs root)',
    async () => {
      const tools = path.join(h.dir, 'nobody-tools');
      mkdirSync(folderOf(tools), { recursive: true });
      chownSync(tools, NOBODY, NOBODY);
      chownSync(folderOf(tools), NOBODY, NOBODY);
      chmodSync(folderOf(tools), 0o500);
      const run = await runAsNobody(tools);
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(run.outputs).toContain('token<<');
      expect(readdirSync(folderOf(tools))).toEqual([]);
    }
  );
});
