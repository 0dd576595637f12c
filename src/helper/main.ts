/**
 * The docker credential helper (the docker-credential-helpers protocol): `get` reads a server
 * URL on stdin and prints {"ServerURL","Username","Secret"}; `list` prints host → user name;
 * `store` and `erase` change nothing (the credential belongs to the job). A failure is one line,
 * on stderr and, as the protocol reads errors, on stdout; it never carries a secret: every secret
 * the refresh handled (each value the sources and exchanges mask, the secrets of the helper's
 * environment, the runner's proxy password) is replaced by *** in anything the helper prints.
 */
import {
  DEFAULT_REFRESH_TIMEOUT_SECONDS,
  HelperError,
  readHelperConfig,
  readNetworkSecrets,
  type HelperConfig,
  type Refresh
} from '../core/credential-helper/config.js';
import { helperGet, helperList, NOT_FOUND_MESSAGE } from '../core/credential-helper/get.js';
import { messageOf } from '../core/errors.js';
import { neutralise, SecretSet } from '../core/text.js';
import { helperPlatform } from '../platform/helper.js';

const USAGE = 'usage: docker-credential-<name> get|list|store|erase (the job-scoped docker credential helper of chainguard-azure-login)';
const MAX_STDIN_BYTES = 64 * 1024;
const PREFIX = 'chainguard-azure-login credential helper';

export interface HelperIo {
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: HelperIo = {
  readStdin: () =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      process.stdin.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_STDIN_BYTES) {
          reject(new HelperError(`its input is larger than ${MAX_STDIN_BYTES} bytes`));
          process.stdin.destroy();
          return;
        }
        chunks.push(chunk);
      });
      process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      process.stdin.on('error', reject);
    }),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text)
};

/** The value of `--dir <dir>` (or `--dir=<dir>`) and the remaining words. */
function parse(argv: readonly string[]): { dir?: string; words: string[] } {
  const words: string[] = [];
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--dir') dir = inline ?? argv[++i];
    else words.push(argv[i]);
  }
  return { dir, words };
}

/**
 * The refresh through the source and exchanges the step used, with the network settings it used
 * and their secrets; every secret it handles joins `secrets`, and its failure's message (which
 * the gets waiting on it share) has them taken out. The sources, exchanges and HTTP stack load
 * only when a refresh is due: a cached answer stays quick.
 */
function refreshFor(dir: string, config: HelperConfig, secrets: SecretSet, env: NodeJS.ProcessEnv): Refresh {
  return async (host) => {
    try {
      const [{ defaultRefresh }, { networkSettingsFrom }, { processRuntime }, { SECRET_ENVIRONMENT }] = await Promise.all([
        import('../core/credential-helper/refresh.js'),
        import('../core/net/proxy.js'),
        import('../core/runtime.js'),
        import('../core/sources/table.js')
      ]);
      for (const name of SECRET_ENVIRONMENT) secrets.add(env[name]);
      const signal = AbortSignal.timeout((config.timeoutSeconds ?? DEFAULT_REFRESH_TIMEOUT_SECONDS) * 1000);
      let network;
      if (config.network) {
        const networkSecrets = readNetworkSecrets(dir);
        secrets.add(networkSecrets.proxyPassword);
        secrets.add(networkSecrets.passphrase);
        network = networkSettingsFrom(config.network, networkSecrets);
      }
      const mask = (secret: string): void => secrets.add(secret);
      return await defaultRefresh(config, {
        ...processRuntime(),
        signal,
        platform: helperPlatform(config.source.env.ACTIONS_ID_TOKEN_REQUEST_URL, env),
        network,
        mask
      })(host);
    } catch (error) {
      const message = error instanceof HelperError ? error.message : `could not refresh the credential for ${host}: ${messageOf(error)}`;
      throw new HelperError(secrets.redact(message), { cause: error, local: error instanceof HelperError && error.local });
    }
  };
}

/** Runs one helper command; returns the exit code. */
export async function run(
  argv: readonly string[] = process.argv.slice(2),
  io: HelperIo = processIo,
  env: NodeJS.ProcessEnv = process.env
): Promise<number> {
  const secrets = new SecretSet();
  const fail = (message: string): number => {
    // Docker shows a helper's error as one line: a multi-line message (the setup doctor's) is joined.
    const line = `${PREFIX}: ${neutralise(secrets.redact(message)).replace(/\s*\n\s*/g, ' ')}\n`;
    io.stderr(line);
    io.stdout(line);
    return 1;
  };
  const { dir, words } = parse(argv);
  const command = words[0];
  try {
    switch (command) {
      case 'store':
      case 'erase':
        // Docker hands over a credential to keep or forget; this job's credential is not
        // docker's to change, and nothing it sends is kept.
        await io.readStdin().catch(() => '');
        return 0;
      case 'version':
        io.stdout(`${PREFIX}\n`);
        return 0;
      case 'list':
      case 'get':
        break;
      default:
        io.stderr(`${USAGE}\n`);
        return command === undefined || command === '--help' ? 0 : 2;
    }
    if (!dir) return fail('no helper directory was given (--dir); the wrapper the login step writes gives it');
    if (command === 'list') {
      io.stdout(`${JSON.stringify(helperList(dir))}\n`);
      return 0;
    }
    const serverUrl = (await io.readStdin()).trim();
    if (!serverUrl) return fail('get needs the registry server URL on its standard input');
    const config = readHelperConfig(dir);
    const credential = await helperGet(dir, serverUrl, { refresh: refreshFor(dir, config, secrets, env) });
    if (!credential) {
      io.stdout(`${NOT_FOUND_MESSAGE}\n`);
      return 1;
    }
    io.stdout(`${JSON.stringify(credential)}\n`);
    return 0;
  } catch (error) {
    return fail(error instanceof HelperError ? error.message : `${command} failed: ${messageOf(error)}`);
  }
}
