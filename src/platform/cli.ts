/**
 * A plain shell (Jenkins, GitLab, Buildkite, cron): inputs as `--flags`, logs on stderr, and
 * on stdout only `export NAME='value'` lines, so that `eval "$(chainguard-azure-login …)"`
 * carries DOCKER_CONFIG and the outputs into the calling shell.
 */
import { INPUT_NAMES, type InputName } from '../core/inputs.js';
import { neutralise, type OutputName, type Platform } from '../core/platform.js';

export const STATE_VARIABLE = 'CHAINGUARD_LOGIN_STATE';
const OUTPUT_VARIABLES: Record<OutputName, string> = {
  token: 'CHAINGUARD_TOKEN',
  'expires-at': 'CHAINGUARD_TOKEN_EXPIRES_AT',
  identity: 'CHAINGUARD_IDENTITY',
  'docker-config': 'DOCKER_CONFIG',
  'api-token': 'CHAINGUARD_API_TOKEN'
};

export interface CliOptions {
  command: 'login' | 'logout' | 'help';
  values: Partial<Record<InputName, string>>;
  exportToken: boolean;
  debug: boolean;
}

/**
 * Parses `[login|logout|diagnose] --name value|--name=value … [--export-token] [--debug] [--help]`;
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
    if (arg === '--export-token') {
      options.exportToken = true;
      continue;
    }
    if (arg === '--debug') {
      options.debug = true;
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1] as InputName | undefined;
    if (!match || !name || !(INPUT_NAMES as readonly string[]).includes(name)) {
      throw new Error(`Unknown argument ${JSON.stringify(arg)}; see --help.`);
    }
    let value = match[2];
    if (value === undefined) {
      if (args.length === 0) throw new Error(`--${name} needs a value.`);
      value = args.shift() as string;
    }
    options.values[name] = value;
  }
  return options;
}

/** Quotes a value for a POSIX shell. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The platform of the command-line tool. No runner masks its logs, so it masks them itself: every
 * line it prints on stderr has each secret registered with `setSecret` replaced by `***`. stdout
 * carries only the export lines meant for eval, which must keep their values.
 */
export function cliPlatform(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
  out: (line: string) => void,
  printErr: (line: string) => void
): Platform & { failed: boolean } {
  const secrets = new Set<string>();
  const err = (line: string): void => {
    let masked = line;
    // Longest first, so that a secret containing another is masked whole.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) masked = masked.split(secret).join('***');
    printErr(masked);
  };
  const platform = {
    failed: false,
    get: (name: InputName) => options.values[name] ?? '',
    label: (name: InputName) => `--${name}`,
    setSecret: (value: string) => {
      if (value) secrets.add(value);
    },
    setOutput: (name: OutputName, value: string) => {
      if (name === 'api-token' && !options.exportToken) {
        err('warning: the API token is exported as CHAINGUARD_API_TOKEN only with --export-token (stdout must then go to eval).');
        return;
      }
      if (name === 'token' && !options.exportToken) return;
      if (name === 'docker-config') return; // exported as DOCKER_CONFIG already
      out(`export ${OUTPUT_VARIABLES[name]}=${shellQuote(value)}`);
    },
    exportVariable: (name: string, value: string) => out(`export ${name}=${shellQuote(value)}`),
    addPath: (dir: string) => out(`export PATH=${shellQuote(dir)}"\${PATH:+:\$PATH}"`),
    saveState: (_name: string, value: string) => out(`export ${STATE_VARIABLE}=${shellQuote(value)}`),
    getState: () => env[STATE_VARIABLE] ?? '',
    info: (message: string) => err(neutralise(message)),
    debug: (message: string) => {
      if (options.debug) err(`debug: ${neutralise(message)}`);
    },
    warning: (message: string) => err(`warning: ${neutralise(message)}`),
    setFailed: (message: string) => {
      platform.failed = true;
      err(`error: ${neutralise(message)}`);
    },
    tempDir: () => env.RUNNER_TEMP || env.AGENT_TEMPDIRECTORY || undefined
  };
  return platform;
}

export const CLI_HELP = `chainguard-azure-login: log in to Chainguard's registry with the identity this machine, pod or job already has.

Usage:
  eval "$(chainguard-azure-login --identity <UIDP> --azure-audience api://<app-client-id> [options])"
  eval "$(chainguard-azure-login --identity <UIDP> --identity-token-file <file> [options])"
  chainguard-azure-login logout        # removes what the login above wrote (reads ${STATE_VARIABLE})
  chainguard-azure-login diagnose [options]
                                       # prints the identity token's claims and the chainctl command
                                       # that would trust it; sends nothing to Chainguard, writes nothing

Options (the same inputs as the GitHub Action):
  --identity <uidp>                      Chainguard assumable identity to assume (required, except for diagnose)
  --identity-source <source>             auto (default), imds, app-service, arc, workload-identity,
                                         token-file, github, azure-devops
  --azure-audience <uri>                 resource asked of an Azure identity source, e.g. api://<app-client-id>
                                         (required for imds, app-service, arc, workload-identity)
  --identity-token-file <file>           an OIDC token file (e.g. a Kubernetes projected service-account
                                         token), read afresh at every use; selects token-file under auto
  --oidc-audience <aud>                  audience asked of GitHub's OIDC provider (default issuer.enforce.dev)
  --azure-devops-service-connection <id> ask Azure DevOps for this service connection's OIDC token
                                         (needs SYSTEM_ACCESSTOKEN mapped into the step's environment)
  --diagnose <true|false>                as the diagnose command
  --managed-identity-client-id <guid>    user-assigned identity by client ID
  --managed-identity-object-id <guid>    ... by principal (object) ID
  --managed-identity-resource-id <id>    ... by ARM resource ID
  --registry <host[:port]>               registry to log in to (default cgr.dev)
  --audience <aud>                       audience of the Chainguard token (default: the registry)
  --issuer <url>                         Chainguard STS (default https://issuer.enforce.dev)
  --docker-login <true|false>            write docker auth (default true)
  --docker-config <dir>                  merge into this docker config directory instead of a fresh one
  --logout <true|false>                  export ${STATE_VARIABLE} for 'logout' (default true)
  --timeout <seconds>                    give up after this long (default 120)
  --credential-helper <true|false>       log in through a refreshing docker credential helper written into
                                         the temp directory and put on PATH (default true); false writes
                                         the one-hour token itself into the docker config
  --acr-registries <servers>             Azure Container Registry login servers (<name>.azurecr.io, comma or
                                         space separated) to log in to with the same Azure identity
  --api-token <true|false>               also get a Chainguard API token, exported as CHAINGUARD_API_TOKEN
                                         with --export-token (default false)
  --export-token                         also export CHAINGUARD_TOKEN (and CHAINGUARD_API_TOKEN)
  --debug                                print debug lines on stderr

Under auto the source is, in order: the token file if given; with --azure-audience, workload identity
(AZURE_FEDERATED_TOKEN_FILE), App Service / Container Apps (IDENTITY_ENDPOINT + IDENTITY_HEADER), Azure Arc,
then IMDS; else GitHub's or Azure DevOps' own OIDC token when the job has one.

stdout carries only export lines; logs go to stderr.
`;
