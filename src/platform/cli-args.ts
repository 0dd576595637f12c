/**
 * The command-line tool's arguments and help, from the input table: every input as `--name value`
 * (or `--name=value`), the commands, and the tool's own flags.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { INPUTS, INPUT_NAMES, type InputName } from '../core/inputs/definitions.js';
import { SHELLS, type Shell } from '../core/shell.js';

/** The tool's version, package.json's (the bundle keeps only this field of it). */
export const VERSION: string = packageJson.version;

/** The variable the tool hands its login's state back in, for `logout` and a later login. */
export const STATE_VARIABLE = 'CHAINGUARD_LOGIN_STATE';

export interface CliOptions {
  command: 'login' | 'logout' | 'help' | 'version';
  values: Partial<Record<InputName, string>>;
  exportToken: boolean;
  debug: boolean;
  /** The shell that runs the printed lines (`--shell`); absent: detected (see detectShell). */
  shell?: Shell;
}

/**
 * Parses `[login|logout|diagnose] --name value|--name=value … [--shell sh|pwsh|cmd] [--export-token] [--debug] [--help] [--version]`;
 * `diagnose` is a login with the input diagnose set to true.
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { command: 'login', values: {}, exportToken: false, debug: false };
  const args = [...argv];
  if (args[0] === 'login' || args[0] === 'logout') options.command = args.shift() as 'login' | 'logout';
  else if (args[0] === 'diagnose') {
    args.shift();
    options.values.diagnose = 'true';
  }
  while (args.length > 0) {
    const arg = args.shift() as string;
    if (arg === '--help' || arg === '-h') return { ...options, command: 'help' };
    if (arg === '--version') return { ...options, command: 'version' };
    if (arg === '--export-token') options.exportToken = true;
    else if (arg === '--debug') options.debug = true;
    else if (arg === '--shell' || arg.startsWith('--shell=')) options.shell = readShell(arg, args);
    else readInput(arg, args, options);
  }
  return options;
}

/** Reads `--shell name` or `--shell=name`. */
function readShell(arg: string, rest: string[]): Shell {
  const value = arg.startsWith('--shell=') ? arg.slice('--shell='.length) : rest.shift();
  if (value === undefined) throw new Error('--shell needs a value: sh, pwsh or cmd.');
  if (!(SHELLS as readonly string[]).includes(value)) throw new Error(`--shell must be sh, pwsh or cmd, not ${JSON.stringify(value)}.`);
  return value as Shell;
}

/**
 * The shell the tool prints for when `--shell` is not given: sh everywhere but Windows. On
 * Windows: sh under Git Bash, MSYS2 or another bash (MSYSTEM or SHLVL is set; bash exports
 * SHLVL, cmd and PowerShell never set it); PowerShell when PSModulePath holds a
 * directory inside the user's profile (USERPROFILE), which PowerShell adds when it starts (the
 * machine-wide PSModulePath that cmd.exe also sees has none); else cmd. A cmd.exe started from
 * PowerShell inherits PowerShell's PSModulePath: give `--shell cmd` there.
 */
export function detectShell(env: NodeJS.ProcessEnv, windows: boolean): Shell {
  if (!windows) return 'sh';
  const read = (name: string): string => Object.entries(env).find(([key]) => key.toUpperCase() === name)?.[1] ?? '';
  if (read('MSYSTEM') || read('SHLVL')) return 'sh';
  const profile = read('USERPROFILE')
    .replace(/[\\/]+$/, '')
    .toLowerCase();
  const inProfile = (dir: string): boolean => {
    const lower = dir.trim().toLowerCase();
    return lower.startsWith(`${profile}\\`) || lower.startsWith(`${profile}/`);
  };
  return profile && read('PSMODULEPATH').split(';').some(inProfile) ? 'pwsh' : 'cmd';
}

/** Reads `--name value` or `--name=value` into `options`, taking the value from `rest` when it is separate. */
function readInput(arg: string, rest: string[], options: CliOptions): void {
  const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
  const name = match?.[1] as InputName | undefined;
  if (!match || !name || !INPUT_NAMES.includes(name)) throw new Error(`Unknown argument ${JSON.stringify(arg)}; see --help.`);
  let value = match[2];
  if (value === undefined) {
    if (rest.length === 0) throw new Error(`--${name} needs a value.`);
    value = rest.shift() as string;
  }
  options.values[name] = value;
}

/** The column the options' descriptions start at. */
const COLUMN = 41;

/** One option of the help: its flag and value, then its description, continued under it. */
function optionLines(flag: string, description: string): string {
  const [first, ...more] = description.split('\n');
  return [`  ${flag}`.padEnd(COLUMN - 1) + ` ${first}`, ...more.map((line) => `${' '.repeat(COLUMN)}${line}`)].join('\n');
}

/** The tool's help: usage, then every input of the table (the same as the GitHub Action's), then its own flags. */
export const CLI_HELP = `chainguard-azure-login: log in to Chainguard's registry with the identity this machine, pod or job already has.

Usage:
  eval "$(chainguard-azure-login --identity <UIDP> --azure-audience api://<app-client-id> [options])"
  eval "$(chainguard-azure-login --identity <UIDP> --identity-token-file <file> [options])"
  eval "$(chainguard-azure-login logout)"
                                       # removes what the login above wrote (reads ${STATE_VARIABLE})
                                       # and unsets the variables it set
  chainguard-azure-login --shell pwsh [options] | Out-String | Invoke-Expression       # PowerShell
  for /f "delims=" %L in ('chainguard-azure-login --shell cmd [options]') do %L        # cmd.exe
  chainguard-azure-login diagnose [options]
                                       # prints the identity token's claims and the chainctl command
                                       # that would trust it; sends nothing to Chainguard, writes nothing

Options (the same inputs as the GitHub Action):
${INPUTS.map((input) => optionLines(`--${input.name} ${input.value}`, input.help)).join('\n')}
${optionLines('--shell sh|pwsh|cmd', 'the shell that runs the printed lines (default: sh; on Windows, sh under bash\n(Git Bash), pwsh in PowerShell, else cmd)')}
${optionLines('--export-token', 'also export CHAINGUARD_TOKEN (and CHAINGUARD_API_TOKEN)')}
${optionLines('--debug', 'print debug lines on stderr')}
${optionLines('--version', 'print the version and exit')}

Under auto the source is, in order: the token file if given; with --azure-audience, workload identity
(AZURE_FEDERATED_TOKEN_FILE), App Service / Container Apps (IDENTITY_ENDPOINT + IDENTITY_HEADER), Azure Arc,
then IMDS; else GitHub's or Azure DevOps' own OIDC token when the job has one.

stdout carries only the lines for the shell (export, $env:…, set "…"), and only when the command succeeded;
logs go to stderr.
`;
