/**
 * The command-line tool on Windows (the Windows Node; under wine on Linux, natively on
 * windows-latest): `--shell cmd` lines run by cmd.exe in one session — login, the credential
 * helper found through PATH and PATHEXT as docker finds it, logout — with the variables read
 * back from that session; `--shell pwsh` lines read by the reference reader; the default shell
 * detected from the environment.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IDENTITY_SYSTEM } from '../../emulators/index.mjs';
import { BUNDLE_NODE_OPTIONS, ROOT } from '../../emulators/runners.mjs';
import { STATE_VARIABLE } from '../../src/platform/cli-args.js';
import { useBundleHarness } from '../helpers/bundles.js';
import { applyPwshLines, ours } from '../helpers/shell-lines.js';
import { describeOnWindows } from '../helpers/windows-host.js';

/** The PATH of a Windows environment, whatever the case of its name. */
const pathOf = (env: Record<string, string>) => Object.entries(env).find(([name]) => name.toUpperCase() === 'PATH')?.[1] ?? '';

describeOnWindows('the command-line tool on Windows', (host) => {
  const h = useBundleHarness();
  const loginArgs = (shell: string, extra: string[] = []) => h.cliLogin(['--shell', shell, '--credential-helper', 'true', ...extra]);
  const env = () => ({ HOME: h.dir, RUNNER_TEMP: path.join(h.dir, 'temp') });
  const win = (file: string) => host.toWindows(file);
  const node = () => `"${host.node}"`;
  /** A line of a batch file that writes the session's environment, as JSON, to `file`. */
  const dump = (file: string) => `${node()} -e "process.stdout.write(JSON.stringify(process.env))" > "${win(file)}"`;
  const readEnv = (file: string): Record<string, string> => JSON.parse(readFileSync(file, 'utf8'));

  /** Runs a batch file of `lines` in one cmd.exe session, as a pipeline's cmd step would (with the runner's temp directory and the emulated IMDS). */
  async function session(name: string, lines: string[]) {
    const file = path.join(h.dir, `${name}.cmd`);
    writeFileSync(file, ['@echo off', ...lines, ''].join('\r\n'));
    const result = await host.run(win(file), [], {
      env: { NODE_OPTIONS: BUNDLE_NODE_OPTIONS, RUNNER_TEMP: env().RUNNER_TEMP, ...h.env() }
    });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/warning|error|not recognized|Can't recognize/i);
    return result;
  }

  it('--shell cmd: cmd.exe runs the login lines; docker finds the helper on PATH; logout unsets everything and restores PATH', async () => {
    const login = await h.cli(env(), loginArgs('cmd'));
    expect(login.code).toBe(0);
    const lines = login.stdout.trim().split('\n');
    for (const line of lines) expect(line).toMatch(/^set "[A-Z_]+=[^"%!]*"$/);
    const loginFile = path.join(h.dir, 'login.cmd');
    writeFileSync(loginFile, `${lines.join('\r\n')}\r\n`);

    await session('first', [dump(path.join(h.dir, 'before.json')), `call "${win(loginFile)}"`, dump(path.join(h.dir, 'after-login.json'))]);
    const before = readEnv(path.join(h.dir, 'before.json'));
    const loggedIn = readEnv(path.join(h.dir, 'after-login.json'));
    expect(ours(before)).toEqual({});
    const dockerConfig = loggedIn.DOCKER_CONFIG;
    expect(dockerConfig).toMatch(/^[A-Za-z]:\\.*\\chainguard-login-[A-Za-z0-9]{6}$/);
    expect(path.win32.dirname(dockerConfig)).toBe(win(path.join(h.dir, 'temp')));
    expect(loggedIn.REGISTRY_AUTH_FILE).toBe(`${dockerConfig}\\containers-auth.json`);
    expect(loggedIn.CHAINGUARD_IDENTITY).toBe(IDENTITY_SYSTEM);
    expect(loggedIn[STATE_VARIABLE]).toMatch(/^[A-Za-z0-9_-]+$/);
    const [bin, ...rest] = pathOf(loggedIn).split(';');
    expect(bin).toMatch(/^[A-Za-z]:\\.*\\chainguard-login-[A-Za-z0-9]{6}\\chainguard-helper-[A-Za-z0-9]{6}\\bin$/);
    expect(rest.join(';')).toBe(pathOf(before));
    const config = JSON.parse(readFileSync(path.join(host.fromWindows(dockerConfig), 'config.json'), 'utf8'));
    const helper = `docker-credential-${config.credHelpers['cgr.dev']}`;

    // A new session with the same lines: the helper by its bare name (PATH, PATHEXT), then logout's lines.
    const server = path.join(h.dir, 'server.txt');
    writeFileSync(server, 'cgr.dev\r\n');
    const answer = path.join(h.dir, 'answer.txt');
    const logoutFile = path.join(h.dir, 'logout.cmd');
    const second = await session('second', [
      `call "${win(loginFile)}"`,
      `call ${helper} get < "${win(server)}" > "${win(answer)}"`,
      `${node()} "${win(path.join(ROOT, 'dist', 'cli', 'index.js'))}" logout --shell cmd > "${win(logoutFile)}"`,
      `call "${win(logoutFile)}"`,
      dump(path.join(h.dir, 'after-logout.json'))
    ]);
    expect(JSON.parse(readFileSync(answer, 'utf8'))).toEqual({
      ServerURL: 'cgr.dev',
      Username: '_token',
      Secret: h.emulators.sts.issued[0]
    });
    rmSync(answer);
    expect(second.stderr).toBe(`Logout: deleted ${dockerConfig}\n`);
    for (const line of readFileSync(logoutFile, 'utf8').trim().split(/\r?\n/)) expect(line).toMatch(/^set (PATH="?|"PATH=|[A-Z_]+=$)/);
    const loggedOut = readEnv(path.join(h.dir, 'after-logout.json'));
    expect(ours(loggedOut)).toEqual({});
    expect(pathOf(loggedOut)).toBe(pathOf(before));
    expect(existsSync(host.fromWindows(dockerConfig))).toBe(false);
  });

  (host.isWine ? it.skip : it)(
    '--shell cmd: the for /f form runs the lines on a command line (wine’s cmd cannot run a FOR variable as a command)',
    async () => {
      const runCli = path.join(h.dir, 'run-cli.cmd');
      const cli = win(path.join(ROOT, 'dist', 'cli', 'index.js'));
      writeFileSync(runCli, `@${node()} "${cli}" ${loginArgs('cmd', ['--credential-helper', 'false']).join(' ')}\r\n`);
      await session('for-f', [`for /f "delims=" %%L in ('call "${win(runCli)}"') do %%L`, dump(path.join(h.dir, 'for-f.json'))]);
      const loggedIn = readEnv(path.join(h.dir, 'for-f.json'));
      expect(existsSync(path.join(loggedIn.DOCKER_CONFIG, 'config.json'))).toBe(true);
      expect(loggedIn.CHAINGUARD_IDENTITY).toBe(IDENTITY_SYSTEM);
      const logout = await h.cli({ ...env(), [STATE_VARIABLE]: loggedIn[STATE_VARIABLE] }, ['logout', '--shell', 'cmd']);
      expect(logout.code).toBe(0);
      expect(existsSync(loggedIn.DOCKER_CONFIG)).toBe(false);
    }
  );

  it('--shell pwsh: $env: lines with drive-letter paths; logout removes every variable', async () => {
    const login = await h.cli(env(), loginArgs('pwsh'));
    expect(login.code).toBe(0);
    const shell = { PATH: 'C:\\windows\\system32;C:\\windows' };
    const loggedIn = applyPwshLines(login.stdout, shell);
    expect(loggedIn.DOCKER_CONFIG).toMatch(/^[A-Za-z]:\\.*\\chainguard-login-[A-Za-z0-9]{6}$/);
    expect(existsSync(path.join(host.fromWindows(loggedIn.DOCKER_CONFIG), 'config.json'))).toBe(true);
    expect(loggedIn.PATH).toMatch(/\\chainguard-helper-[A-Za-z0-9]{6}\\bin;C:\\windows\\system32;C:\\windows$/);
    expect(JSON.parse(loggedIn[STATE_VARIABLE]).jobDir).toBe(loggedIn.DOCKER_CONFIG);

    // The Windows side sees the variables the shell now has (wine cannot pass PATH: its own replaces it).
    const logout = await h.cli({ ...env(), ...ours(loggedIn), ...(host.isWine ? {} : { PATH: loggedIn.PATH }) }, [
      'logout',
      '--shell',
      'pwsh'
    ]);
    expect(logout.code).toBe(0);
    expect(existsSync(host.fromWindows(loggedIn.DOCKER_CONFIG))).toBe(false);
    const loggedOut = applyPwshLines(logout.stdout, loggedIn);
    expect(ours(loggedOut)).toEqual({});
    if (!host.isWine) expect(loggedOut.PATH).toBe(shell.PATH);
  });

  it('detects the shell: cmd by default on Windows, PowerShell when PSModulePath holds a directory in the user’s profile', async () => {
    const profile = host.isWine ? `C:\\users\\${os.userInfo().username}` : (process.env.USERPROFILE ?? '');
    const machine = 'C:\\Program Files\\WindowsPowerShell\\Modules;C:\\windows\\system32\\WindowsPowerShell\\v1.0\\Modules';
    const args = h.cliLogin(['--credential-helper', 'false']);
    const plain = await h.cli({ ...env(), PSModulePath: machine }, args);
    expect(plain.stdout).toMatch(/^set "DOCKER_CONFIG=/m);
    const pwsh = await h.cli({ ...env(), PSModulePath: `${profile}\\Documents\\PowerShell\\Modules;${machine}` }, args);
    expect(pwsh.stdout).toMatch(/^\$env:DOCKER_CONFIG = '/m);
    for (const run of [plain, pwsh]) expect(run.code).toBe(0);
  });
});
