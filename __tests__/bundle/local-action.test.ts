/**
 * GitHub's own tool for running an action locally, `@github/local-action`, runs the Action's
 * exported `run()` from its TypeScript source with its stand-in for @actions/core, against the
 * loopback emulators, and shows the outputs: the same command CONTRIBUTING.md gives, which also
 * runs the post step (`--post`). The login goes through the credential helper, the default, with
 * the checkout's built helper bundle, and the post step removes everything it wrote.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, startEmulators } from '../../emulators/index.mjs';
import { BUNDLE_NODE_OPTIONS, bundleNode, LOOPBACK_PRELOAD, outputOf, ROOT } from '../../emulators/runners.mjs';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

let emulators: Awaited<ReturnType<typeof startEmulators>>;
beforeAll(async () => {
  emulators = await startEmulators();
});
afterAll(async () => {
  await emulators.close();
  removeTempDirs();
});

async function localAction(envFile: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js'),
      'run',
      '.',
      'src/github/main.ts',
      envFile,
      '--post',
      'src/github/post.ts'
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_OPTIONS: `--import=${JSON.stringify(LOOPBACK_PRELOAD)}`
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  );
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  try {
    const { code, stdout, stderr } = await outputOf(child);
    return { code, output: stdout + stderr };
  } finally {
    clearTimeout(timer);
  }
}

it("runs the Action's run() through the credential helper, shows its outputs, and runs the post step", async () => {
  const dir = tempDir('cgl-local-action-');
  const envFile = path.join(dir, '.env');
  writeFileSync(
    envFile,
    [
      `INPUT_IDENTITY=${IDENTITY_SYSTEM}`,
      `INPUT_AZURE-AUDIENCE=${AZURE_AUDIENCE}`,
      `INPUT_ISSUER=${emulators.sts.url}`,
      `AZURE_POD_IDENTITY_AUTHORITY_HOST=${emulators.imds.url}`,
      `RUNNER_TEMP=${dir}`,
      ''
    ].join('\n')
  );
  const { code, output } = await localAction(envFile);
  expect(code).toBe(0);
  expect(emulators.imds.requests).toHaveLength(1);
  expect(emulators.sts.requests).toHaveLength(1);
  const outputs = output.slice(output.indexOf('Action Outputs'));
  expect(outputs).toMatch(new RegExp(`'identity'\\s+│\\s+'${IDENTITY_SYSTEM}'`));
  expect(outputs).toMatch(/'expires-at'\s+│\s+'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'/);
  expect(outputs).toMatch(new RegExp(`'docker-config'\\s+│\\s+'${dir}/chainguard-login-\\w{6}'`));
  for (const token of [...emulators.imds.issued, ...emulators.sts.issued]) expect(output).not.toContain(token);

  // The default path: the helper, from the checkout's dist/helper, not a static login with a warning.
  expect(output).not.toMatch(/not beside this step's bundle|static credentials/);
  expect(output).toMatch(/Credential helper docker-credential-chainguard-[a-z0-9]{6} \(in .*, put on PATH\)/);
  // The post step ran and removed the job directory (the helper, its cache and the docker config).
  const dockerConfig = new RegExp(`'docker-config'\\s+│\\s+'([^']+)'`).exec(outputs)?.[1] ?? '';
  expect(output).toContain(`Logout: deleted ${dockerConfig}`);
  expect(existsSync(dockerConfig)).toBe(false);
  expect(readdirSync(dir)).toEqual(['.env']);
}, 120_000);

it("a copy of the built step without the helper's bundle (not a source tree) warns and logs in statically, as before", async () => {
  const copy = tempDir('cgl-incomplete-copy-');
  cpSync(path.join(ROOT, 'dist', 'github', 'main'), path.join(copy, 'dist', 'github', 'main'), { recursive: true });
  cpSync(path.join(ROOT, 'dist', 'package.json'), path.join(copy, 'dist', 'package.json'));
  const temp = tempDir('cgl-incomplete-temp-');
  const run = await outputOf(
    spawn(bundleNode(), [path.join(copy, 'dist', 'github', 'main', 'index.js')], {
      env: {
        PATH: process.env.PATH,
        HOME: temp,
        NODE_OPTIONS: BUNDLE_NODE_OPTIONS,
        RUNNER_TEMP: temp,
        INPUT_IDENTITY: IDENTITY_SYSTEM,
        'INPUT_AZURE-AUDIENCE': AZURE_AUDIENCE,
        INPUT_ISSUER: emulators.sts.url,
        AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
  );
  const output = run.stdout + run.stderr;
  expect(output).toMatch(/^::warning::The credential helper's bundle \(helper\/index.js\) is not beside this step's bundle/m);
  expect(output).toMatch(/^Logged in to cgr.dev; docker config in /m);
  expect(output).not.toMatch(/Credential helper docker-credential-/);
});
