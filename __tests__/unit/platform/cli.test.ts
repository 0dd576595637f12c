/** The command-line front end in process: argument parsing and its platform's output lines (the built tool: bundle/cli.test.ts). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../emulators/runners.mjs';
import { singleQuoted as shellQuote, type Shell } from '../../../src/core/shell.js';
import { CLI_HELP, detectShell, parseArgs, STATE_VARIABLE, VERSION } from '../../../src/platform/cli-args.js';
import { cliPlatform, LOGIN_VARIABLES, type CliHost } from '../../../src/platform/cli.js';
import { applyCmdLines, applyPwshLines } from '../../helpers/shell-lines.js';

describe('parseArgs', () => {
  it('reads --name value and --name=value, the subcommand and the flags', () => {
    expect(parseArgs(['logout', '--registry=cgr.dev', '--timeout', '5', '--export-token', '--debug'])).toEqual({
      command: 'logout',
      values: { registry: 'cgr.dev', timeout: '5' },
      exportToken: true,
      debug: true
    });
    expect(parseArgs(['--help']).command).toBe('help');
  });
  it('reads --version wherever it stands, and the version is the package’s', () => {
    expect(parseArgs(['--version']).command).toBe('version');
    expect(parseArgs(['--identity', 'x', '--version', '--unknown']).command).toBe('version');
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(CLI_HELP).toMatch(/^ {2}--version {2,}print the version and exit$/m);
  });
  it('reads the diagnose command as a login with diagnose set', () => {
    expect(parseArgs(['diagnose', '--identity-source', 'arc'])).toEqual({
      command: 'login',
      values: { diagnose: 'true', 'identity-source': 'arc' },
      exportToken: false,
      debug: false
    });
  });
  it('refuses unknown arguments and missing values', () => {
    expect(() => parseArgs(['--identitty', 'x'])).toThrow(/Unknown argument "--identitty"/);
    expect(() => parseArgs(['--identity'])).toThrow(/--identity needs a value/);
  });
  it('reads --shell sh|pwsh|cmd, and refuses any other shell', () => {
    expect(parseArgs(['--shell', 'pwsh']).shell).toBe('pwsh');
    expect(parseArgs(['logout', '--shell=cmd']).shell).toBe('cmd');
    expect(parseArgs([]).shell).toBeUndefined();
    expect(() => parseArgs(['--shell', 'bash'])).toThrow('--shell must be sh, pwsh or cmd, not "bash".');
    expect(() => parseArgs(['--shell'])).toThrow(/--shell needs a value/);
  });
  it('quotes values for a POSIX shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('CLI outputs', () => {
  it('exports the API token as CHAINGUARD_API_TOKEN only with --export-token', () => {
    const lines: string[] = [];
    const warnings: string[] = [];
    const quiet = cliPlatform(
      parseArgs([]),
      {},
      (line) => lines.push(line),
      (line) => warnings.push(line),
      { windows: false }
    );
    quiet.setOutput('api-token', 'api-value');
    expect(lines).toEqual([]);
    expect(warnings).toEqual([
      'warning: the API token is exported as CHAINGUARD_API_TOKEN only with --export-token (stdout must then go to eval).'
    ]);
    const exporting = cliPlatform(
      parseArgs(['--export-token']),
      {},
      (line) => lines.push(line),
      () => undefined,
      { windows: false }
    );
    exporting.setOutput('api-token', 'api-value');
    expect(lines).toEqual(["export CHAINGUARD_API_TOKEN='api-value'"]);
  });
});

describe('detectShell', () => {
  const system = 'C:\\Program Files\\WindowsPowerShell\\Modules;C:\\WINDOWS\\system32\\WindowsPowerShell\\v1.0\\Modules';
  it('is sh off Windows, whatever the environment says', () => {
    expect(detectShell({ PSModulePath: `/home/me/.local/share/powershell/Modules` }, false)).toBe('sh');
  });
  it("is pwsh on Windows when PSModulePath holds a directory in the user's profile, which PowerShell adds", () => {
    const profile = 'C:\\Users\\Me';
    expect(detectShell({ USERPROFILE: profile, PSModulePath: `C:\\Users\\me\\Documents\\PowerShell\\Modules;${system}` }, true)).toBe(
      'pwsh'
    );
    expect(
      detectShell({ userprofile: profile, PSMODULEPATH: `c:\\users\\me\\OneDrive\\Documents\\WindowsPowerShell\\Modules;${system}` }, true)
    ).toBe('pwsh');
  });
  it('is cmd on Windows with the machine-wide PSModulePath alone (cmd.exe sees it too), or none', () => {
    expect(detectShell({ USERPROFILE: 'C:\\Users\\me', PSModulePath: system }, true)).toBe('cmd');
    expect(detectShell({ USERPROFILE: 'C:\\Users\\me' }, true)).toBe('cmd');
    expect(detectShell({ USERPROFILE: 'C:\\Users\\me', PSModulePath: 'C:\\Users\\meanwhile\\Modules' }, true)).toBe('cmd');
    expect(detectShell({ PSModulePath: `C:\\Users\\me\\Documents\\PowerShell\\Modules` }, true)).toBe('cmd');
  });
  it('is sh on Windows under Git Bash, MSYS2 or another bash', () => {
    expect(detectShell({ MSYSTEM: 'MINGW64', USERPROFILE: 'C:\\Users\\me', PSModulePath: 'C:\\Users\\me\\x' }, true)).toBe('sh');
    expect(detectShell({ SHLVL: '1' }, true)).toBe('sh');
  });
});

describe('the lines for each shell', () => {
  const WINDOWS: CliHost = { windows: true };
  const jobDir = 'C:\\Users\\me\\AppData\\Local\\Temp\\chainguard-login-AbC123';
  const bin = `${jobDir}\\chainguard-helper-XyZ789\\bin`;
  const state = JSON.stringify({ version: 2, jobDir, marker: 'f'.repeat(32), registry: 'cgr.dev' });

  /** What a login prints for `shell`, through the platform as the core calls it. */
  function login(shell: Shell, env: NodeJS.ProcessEnv = {}): { lines: string[]; errors: string[] } {
    const lines: string[] = [];
    const errors: string[] = [];
    const platform = cliPlatform(
      parseArgs(['--shell', shell, '--export-token']),
      env,
      (line) => lines.push(line),
      (line) => errors.push(line),
      WINDOWS
    );
    platform.saveState('chainguardLoginState', state);
    platform.addPath(bin);
    platform.exportVariable('DOCKER_CONFIG', jobDir);
    platform.setOutput('token', 'eyJ.token');
    return { lines, errors };
  }

  it('pwsh: $env: lines that PowerShell reads back as the values, the state included', () => {
    const { lines } = login('pwsh');
    expect(lines[0]).toMatch(/^\$env:CHAINGUARD_LOGIN_STATE = '\{"version":2,/);
    const env = applyPwshLines(lines.join('\n'), { PATH: 'C:\\Windows' });
    expect(env).toEqual({ PATH: `${bin};C:\\Windows`, DOCKER_CONFIG: jobDir, CHAINGUARD_TOKEN: 'eyJ.token', [STATE_VARIABLE]: state });
  });

  it('cmd: set lines, with the state as base64url (cmd cannot carry its quotes), which logout reads back', () => {
    const { lines } = login('cmd', { Path: 'C:\\Windows' });
    const env = applyCmdLines(lines.join('\n'), {});
    expect(env).toMatchObject({ PATH: `${bin};C:\\Windows`, DOCKER_CONFIG: jobDir, CHAINGUARD_TOKEN: 'eyJ.token' });
    expect(env[STATE_VARIABLE]).toMatch(/^[A-Za-z0-9_-]+$/);
    const logout = cliPlatform(
      parseArgs(['logout', '--shell', 'cmd']),
      env,
      () => undefined,
      () => undefined,
      WINDOWS
    );
    expect(logout.getState('chainguardLoginState')).toBe(state);
  });

  it('cmd: a value cmd cannot carry fails the line with a message naming the variable and what to do', () => {
    const platform = cliPlatform(
      parseArgs(['--shell', 'cmd']),
      {},
      () => undefined,
      () => undefined,
      WINDOWS
    );
    expect(() => platform.exportVariable('DOCKER_CONFIG', 'C:\\Temp\\50%\\chainguard-login-AbC123')).toThrow(
      'Cannot print the DOCKER_CONFIG line for cmd: it holds "%", which cmd expands in a batch file and not on a command line. Use --shell pwsh.'
    );
    expect(() =>
      cliPlatform(
        parseArgs(['--shell', 'cmd']),
        { PATH: 'C:\\Users\\José\\bin' },
        () => undefined,
        () => undefined,
        WINDOWS
      ).addPath(bin)
    ).toThrow(
      /^Cannot print the PATH line for cmd: it holds a character outside printable ASCII.*Use --shell pwsh, or --credential-helper false/
    );
  });

  it('a second login takes the first login’s directory off PATH (its directory is deleted once the second is written)', () => {
    const earlier = `${jobDir}\\chainguard-helper-Old000\\bin`;
    const { lines } = login('pwsh', { [STATE_VARIABLE]: state, PATH: `${earlier};C:\\Windows` });
    expect(applyPwshLines(lines.join('\n'), { PATH: `${earlier};C:\\Windows` }).PATH).toBe(`${bin};C:\\Windows`);
  });

  it.each<[Shell, (text: string, env: Record<string, string>) => Record<string, string>]>([
    ['pwsh', (text, env) => applyPwshLines(text, env)],
    ['cmd', applyCmdLines]
  ])('%s: logout unsets every variable a login sets, and takes its directory off PATH', (shell, apply) => {
    const { lines } = login(shell, { PATH: 'C:\\Windows' });
    const loggedIn = apply(lines.join('\n'), { PATH: 'C:\\Windows', OTHER: 'kept' });
    const out: string[] = [];
    const platform = cliPlatform(
      parseArgs(['logout', '--shell', shell]),
      loggedIn,
      (line) => out.push(line),
      () => undefined,
      WINDOWS
    );
    platform.loggedOut();
    expect(apply(out.join('\n'), loggedIn)).toEqual({ PATH: 'C:\\Windows', OTHER: 'kept' });
    // Every variable the login set (all but PATH and OTHER), once.
    expect(out.filter((line) => !line.includes('PATH'))).toHaveLength(Object.keys(loggedIn).length - 2);
  });

  it('sh: logout prints unset lines for every variable a login sets that is set (cmd would fail on one that is not)', () => {
    const out: string[] = [];
    const all = Object.fromEntries(LOGIN_VARIABLES.map((name) => [name, 'x']));
    cliPlatform(
      parseArgs(['logout']),
      all,
      (line) => out.push(line),
      () => undefined,
      { windows: false }
    ).loggedOut();
    expect(out).toEqual(LOGIN_VARIABLES.map((name) => `unset ${name}`));
    const some: string[] = [];
    cliPlatform(
      parseArgs(['logout']),
      { DOCKER_CONFIG: '/x' },
      (line) => some.push(line),
      () => undefined,
      { windows: false }
    ).loggedOut();
    expect(some).toEqual(['unset DOCKER_CONFIG']);
    expect([...LOGIN_VARIABLES].sort()).toEqual(
      [
        'CHAINGUARD_API_TOKEN',
        'CHAINGUARD_IDENTITY',
        STATE_VARIABLE,
        'CHAINGUARD_TOKEN',
        'CHAINGUARD_TOKEN_EXPIRES_AT',
        'DOCKER_CONFIG',
        'REGISTRY_AUTH_FILE'
      ].sort()
    );
  });
});

describe('the help', () => {
  it('names --shell and its three shells, and the README shows each shell', () => {
    expect(CLI_HELP).toMatch(/^ {2}--shell sh\|pwsh\|cmd +the shell that runs the printed lines/m);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const usage of ['--shell pwsh', '| Out-String | Invoke-Expression', '--shell cmd', 'for /f "delims=" %', 'eval "$(', ' logout)"'])
      expect(readme).toContain(usage);
  });
});
