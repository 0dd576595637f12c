/**
 * The command-line tool's arguments and help, from the input table: every input as `--name value`
 * (or `--name=value`), the commands, and the tool's own flags.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { INPUTS, INPUT_NAMES, type InputName } from '../core/inputs/definitions.js';

/** The tool's version, package.json's (the bundle keeps only this field of it). */
export const VERSION: string = packageJson.version;

/** The variable the tool hands its login's state back in, for `logout` and a later login. */
export const STATE_VARIABLE = 'CHAINGUARD_LOGIN_STATE';

export interface CliOptions {
  command: 'login' | 'logout' | 'help' | 'version';
  values: Partial<Record<InputName, string>>;
  exportToken: boolean;
  debug: boolean;
}

/**
 * Parses `[login|logout|diagnose] --name value|--name=value … [--export-token] [--debug] [--help] [--version]`;
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
    else readInput(arg, args, options);
  }
  return options;
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
  chainguard-azure-login logout        # removes what the login above wrote (reads ${STATE_VARIABLE})
  chainguard-azure-login diagnose [options]
                                       # prints the identity token's claims and the chainctl command
                                       # that would trust it; sends nothing to Chainguard, writes nothing

Options (the same inputs as the GitHub Action):
${INPUTS.map((input) => optionLines(`--${input.name} ${input.value}`, input.help)).join('\n')}
${optionLines('--export-token', 'also export CHAINGUARD_TOKEN (and CHAINGUARD_API_TOKEN)')}
${optionLines('--debug', 'print debug lines on stderr')}
${optionLines('--version', 'print the version and exit')}

Under auto the source is, in order: the token file if given; with --azure-audience, workload identity
(AZURE_FEDERATED_TOKEN_FILE), App Service / Container Apps (IDENTITY_ENDPOINT + IDENTITY_HEADER), Azure Arc,
then IMDS; else GitHub's or Azure DevOps' own OIDC token when the job has one.

stdout carries only export lines; logs go to stderr.
`;
