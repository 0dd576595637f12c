/**
 * The command-line tool as users install it: `npm pack` of the repository, installed offline into
 * an empty prefix (the tarball has no dependencies, so nothing is fetched) and run as
 * `chainguard-azure-login` from the prefix's bin directory, and through npx.
 */
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM } from '../../emulators/index.mjs';
import { bundleNode, ROOT } from '../../emulators/runners.mjs';
import { CLI_HELP, STATE_VARIABLE } from '../../src/platform/cli-args.js';
import { exec, type Completed } from '../helpers/exec.js';
import { useBundleHarness } from '../helpers/bundles.js';
import { runProgram } from '../helpers/helper-process.js';
import { tempDir } from '../helpers/temp.js';

const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const NAME = 'chainguard-azure-login';

interface Packed {
  filename: string;
  files: { path: string; mode: number }[];
}

let work: string;
let npmEnv: NodeJS.ProcessEnv;
let packed: Packed;
let tarball: string;
let prefix: string;
let installed: { code: number; output: string };

/** npm (or npx) with a HOME and cache of its own, nothing from the environment the tests run in but PATH. */
function npm(args: string[], cwd = work, program: 'npm' | 'npx' = 'npm'): Promise<Completed> {
  return exec(program, args, { cwd, env: npmEnv });
}

/** The files a bundle folder ships: the bundle, its chunks, its licenses and its package.json. */
function bundleFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder))
    .filter((file) => /^(index\.js|[A-Za-z0-9_-]+\.index\.js|licenses\.txt|package\.json)$/.test(file))
    .map((file) => `${folder}/${file}`);
}

beforeAll(async () => {
  work = tempDir('cgl-npm-pack-');
  npmEnv = {
    PATH: process.env.PATH,
    HOME: path.join(work, 'home'),
    npm_config_cache: path.join(work, 'cache'),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false'
  };
  const pack = await npm(['pack', '--json', '--pack-destination', work], ROOT);
  expect(pack.code).toBe(0);
  [packed] = JSON.parse(pack.stdout) as Packed[];
  tarball = path.join(work, packed.filename);
  prefix = path.join(work, 'prefix');
  const install = await npm(['install', '--global', '--offline', '--prefix', prefix, tarball]);
  installed = { code: install.code, output: install.stdout + install.stderr };
}, 180_000);

describe('npm pack', () => {
  it('packs the CLI’s and the credential helper’s bundles, README, LICENSE and package.json, nothing else', () => {
    expect(packed.filename).toBe(`${NAME}-${packageJson.version}.tgz`);
    const expected = ['package.json', 'README.md', 'LICENSE', ...bundleFiles('dist/cli'), ...bundleFiles('dist/helper')];
    expect(packed.files.map((file) => file.path).sort()).toEqual(expected.sort());
  });

  it('makes the command executable and runnable by node from PATH, and declares no dependencies', async () => {
    const bin = packed.files.find((file) => file.path === packageJson.bin[NAME]);
    expect(bin).toBeDefined();
    expect((bin as { mode: number }).mode & 0o111).toBe(0o111);
    expect(readFileSync(path.join(ROOT, packageJson.bin[NAME]), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const manifest = JSON.parse((await exec('tar', ['-xzOf', tarball, 'package/package.json'])).stdout);
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.bin).toEqual({ [NAME]: 'dist/cli/index.js' });
    // The CLI bundle carries package.json's version, not the rest of it (a new script must not change dist/).
    expect(readFileSync(path.join(ROOT, 'dist', 'cli', 'index.js'), 'utf8')).not.toMatch(/devDependencies|"scripts"/);
  });
});

describe('the installed command', () => {
  const h = useBundleHarness();
  /** The installed command, run as a shell runs it: from PATH, with node (the one under test) found on PATH. */
  const command = () => path.join(prefix, 'bin', NAME);
  const shellPath = () => [path.join(prefix, 'bin'), path.dirname(bundleNode()), process.env.PATH].join(path.delimiter);
  const run = async (args: string[], env: NodeJS.ProcessEnv = {}) =>
    h.record(await runProgram(command(), args, '', { ...h.env(), PATH: shellPath(), ...env }));

  it('installs offline into an empty prefix with nothing beside it: the package needs no dependency', () => {
    expect(installed.output).not.toMatch(/ERR!|ENOTCACHED/);
    expect(installed.code).toBe(0);
    const root = path.join(prefix, 'lib', 'node_modules');
    expect(readdirSync(root)).toEqual([NAME]);
    expect(existsSync(path.join(root, NAME, 'node_modules'))).toBe(false);
    expect(path.resolve(path.dirname(command()), readlinkSync(command()))).toBe(path.join(root, NAME, 'dist', 'cli', 'index.js'));
  });

  it('prints its version with --version, and its help with --help', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
    const help = await run(['--help']);
    expect(help).toEqual({ code: 0, stdout: `${CLI_HELP}\n`, stderr: '' });
    expect(help.stdout).toContain('--version');
  });

  it('logs in through the credential helper installed beside it, and logs out', async () => {
    const env = { HOME: h.dir, TMPDIR: h.dir };
    const login = await run(['--identity', IDENTITY_SYSTEM, '--azure-audience', AZURE_AUDIENCE, '--issuer', h.emulators.sts.url], env);
    expect(login.stderr).not.toMatch(/^(error|warning):/m);
    expect(login.code).toBe(0);
    const exported: Record<string, string> = Object.fromEntries(
      [...login.stdout.matchAll(/^export ([A-Z_]+)='(.*)'$/gm)].map((match) => [match[1], match[2]])
    );
    const [chainguardToken] = h.emulators.sts.issued;
    const config = JSON.parse(readFileSync(path.join(exported.DOCKER_CONFIG, 'config.json'), 'utf8'));
    const helperName = config.credHelpers['cgr.dev'];
    expect(config.auths?.['cgr.dev']).toBeUndefined();

    // The helper docker runs: a wrapper first on the exported PATH, running the installed helper bundle.
    const helperDir = /^export PATH='([^']+)'"\$\{PATH:\+:\$PATH\}"$/m.exec(login.stdout)?.[1] ?? 'missing';
    const wrapper = path.join(helperDir, `docker-credential-${helperName}`);
    expect(readFileSync(wrapper, 'utf8')).toContain(path.join(prefix, 'lib', 'node_modules', NAME, 'dist', 'helper', 'index.js'));
    const answer = await runProgram(wrapper, ['get'], 'cgr.dev\n', { PATH: shellPath(), HOME: h.dir });
    expect(answer.stderr).toBe('');
    expect(JSON.parse(answer.stdout)).toEqual({ ServerURL: 'cgr.dev', Username: '_token', Secret: chainguardToken });

    const logout = await run(['logout'], { ...env, [STATE_VARIABLE]: exported[STATE_VARIABLE] });
    expect(logout.code).toBe(0);
    expect(existsSync(exported.DOCKER_CONFIG)).toBe(false);
    expect(existsSync(wrapper)).toBe(false);
  });

  it('runs from npx with the tarball, offline', async () => {
    const result = await npm(['--offline', '--yes', `--package=${tarball}`, '--', NAME, '--version'], work, 'npx');
    expect(result).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });
});
