/**
 * GitHub's own tool for running an action locally, `@github/local-action`, runs the Action's
 * exported `run()` from its TypeScript source with its stand-in for @actions/core, against the
 * loopback emulators, and shows the outputs: the same command CONTRIBUTING.md
 * gives.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, startEmulators } from '../../emulators/index.mjs';
import { ROOT } from '../../emulators/runners.mjs';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

let emulators: Awaited<ReturnType<typeof startEmulators>>;
beforeAll(async () => {
  emulators = await startEmulators();
});
afterAll(async () => {
  await emulators.close();
  removeTempDirs();
});

function localAction(envFile: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js'), 'run', '.', 'src/github/main.ts', envFile],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_OPTIONS: `--import=${JSON.stringify(path.join(ROOT, 'emulators', 'loopback-only.mjs'))}`
        },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d.toString()));
    child.stderr.on('data', (d) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

it("runs the Action's run() and shows its outputs", async () => {
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
}, 120_000);
