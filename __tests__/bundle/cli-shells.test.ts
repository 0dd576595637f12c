/**
 * The built command-line tool speaks the caller's shell: `--shell sh` lines that sh itself
 * evaluates, `--shell pwsh` and `--shell cmd` lines read by the reference readers (wine's cmd.exe
 * runs the cmd lines in the Windows suite); `logout` prints the lines that unset every variable
 * the login set and take its directory off PATH; a value cmd cannot carry fails the login with
 * nothing printed and nothing left behind.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { IDENTITY_SYSTEM } from '../../emulators/index.mjs';
import { STATE_VARIABLE } from '../../src/platform/cli-args.js';
import { useBundleHarness } from '../helpers/bundles.js';
import { applyCmdLines, applyPwshLines, applyShLines, ours } from '../helpers/shell-lines.js';

const h = useBundleHarness();

const loginArgs = (shell: string, extra: string[] = []) => h.cliLogin(['--shell', shell, ...extra]);

/** A temp directory whose path a careless line would change or run. */
function nastyTemp(): string {
  const dir = path.join(h.dir, "it's $(touch canary) `x` %PATH% ; & tmp");
  mkdirSync(dir);
  return dir;
}

describe('the command-line tool speaks the caller’s shell', () => {
  it('sh: the login and logout lines do what they say when sh evaluates them', async () => {
    const temp = nastyTemp();
    const shell = { PATH: '/usr/bin:/bin', HOME: h.dir, RUNNER_TEMP: temp };
    const login = await h.cli(shell, loginArgs('sh', ['--credential-helper', 'true']));
    expect(login.code).toBe(0);
    const loggedIn = applyShLines(login.stdout, shell);
    expect(path.dirname(loggedIn.DOCKER_CONFIG)).toBe(temp);
    expect(existsSync(path.join(loggedIn.DOCKER_CONFIG, 'config.json'))).toBe(true);
    expect(loggedIn.REGISTRY_AUTH_FILE).toBe(path.join(loggedIn.DOCKER_CONFIG, 'containers-auth.json'));
    expect(loggedIn.CHAINGUARD_IDENTITY).toBe(IDENTITY_SYSTEM);
    expect(JSON.parse(loggedIn[STATE_VARIABLE]).jobDir).toBe(loggedIn.DOCKER_CONFIG);
    const [helperBin, ...rest] = loggedIn.PATH.split(':');
    expect(rest.join(':')).toBe('/usr/bin:/bin');
    expect(readdirSync(helperBin)).toEqual([expect.stringMatching(/^docker-credential-chainguard-[a-z0-9]{6}$/)]);
    expect(existsSync(path.join(temp, 'canary'))).toBe(false);
    expect(existsSync(path.join(h.dir, 'canary'))).toBe(false);

    const logout = await h.cli(loggedIn, ['logout']);
    expect(logout.code).toBe(0);
    expect(existsSync(loggedIn.DOCKER_CONFIG)).toBe(false);
    const loggedOut = applyShLines(logout.stdout, loggedIn);
    expect(ours(loggedOut)).toEqual({});
    expect(loggedOut.PATH).toBe('/usr/bin:/bin');
  });

  it('pwsh: $env: lines that PowerShell would read as the values; logout removes them all', async () => {
    const temp = nastyTemp();
    const shell = { PATH: '/usr/bin:/bin', HOME: h.dir, RUNNER_TEMP: temp };
    const login = await h.cli(shell, loginArgs('pwsh', ['--credential-helper', 'true']));
    expect(login.code).toBe(0);
    for (const line of login.stdout.trim().split('\n')) expect(line).toMatch(/^\$env:[A-Z_]+ = '/);
    // PowerShell on Linux separates PATH with ':'.
    const loggedIn = applyPwshLines(login.stdout, shell, ':');
    expect(path.dirname(loggedIn.DOCKER_CONFIG)).toBe(temp);
    expect(existsSync(path.join(loggedIn.DOCKER_CONFIG, 'config.json'))).toBe(true);
    expect(JSON.parse(loggedIn[STATE_VARIABLE]).jobDir).toBe(loggedIn.DOCKER_CONFIG);
    expect(loggedIn.PATH).toMatch(/\/chainguard-helper-[A-Za-z0-9]{6}\/bin:\/usr\/bin:\/bin$/);

    const logout = await h.cli({ ...loggedIn }, ['logout', '--shell', 'pwsh']);
    expect(logout.code).toBe(0);
    expect(existsSync(loggedIn.DOCKER_CONFIG)).toBe(false);
    const loggedOut = applyPwshLines(logout.stdout, loggedIn, ':');
    expect(ours(loggedOut)).toEqual({});
    expect(loggedOut.PATH).toBe('/usr/bin:/bin');
  });

  it('cmd: set "NAME=value" lines, the state as base64url; logout reads it back and unsets them all', async () => {
    const shell = { HOME: h.dir, RUNNER_TEMP: path.join(h.dir, 'temp') };
    const login = await h.cli(shell, loginArgs('cmd'));
    expect(login.code).toBe(0);
    const loggedIn = applyCmdLines(login.stdout, shell);
    expect(Object.keys(ours(loggedIn)).sort()).toEqual(
      ['CHAINGUARD_IDENTITY', 'CHAINGUARD_TOKEN_EXPIRES_AT', 'DOCKER_CONFIG', 'REGISTRY_AUTH_FILE', STATE_VARIABLE].sort()
    );
    expect(existsSync(path.join(loggedIn.DOCKER_CONFIG, 'config.json'))).toBe(true);
    expect(loggedIn[STATE_VARIABLE]).toMatch(/^[A-Za-z0-9_-]+$/);

    const logout = await h.cli(loggedIn, ['logout', '--shell', 'cmd']);
    expect(logout.code).toBe(0);
    expect(logout.stderr).not.toMatch(/warning|Nothing to clean up/);
    expect(existsSync(loggedIn.DOCKER_CONFIG)).toBe(false);
    expect(ours(applyCmdLines(logout.stdout, loggedIn))).toEqual({});
  });

  it('cmd: a directory cmd cannot carry fails the login, naming the variable; nothing is printed or left behind', async () => {
    const temp = path.join(h.dir, '100%');
    mkdirSync(temp);
    const login = await h.cli({ HOME: h.dir, RUNNER_TEMP: temp }, loginArgs('cmd'));
    expect(login.code).toBe(1);
    expect(login.stderr).toContain('error: Cannot print the DOCKER_CONFIG line for cmd: it holds "%"');
    expect(login.stdout).toBe('');
    expect(readdirSync(temp)).toEqual([]);
  });

  it('logout prints nothing when the login could not be removed, so the state stays for another try', async () => {
    const state = JSON.stringify({ version: 2, jobDir: '/etc', marker: 'f'.repeat(32), registry: 'cgr.dev' });
    const logout = await h.cli({ HOME: h.dir, [STATE_VARIABLE]: state }, ['logout']);
    expect(logout.code).toBe(0);
    expect(logout.stderr).toMatch(/warning: Could not remove the registry login: Refusing to clean up \/etc/);
    expect(logout.stdout).toBe('');
  });
});
