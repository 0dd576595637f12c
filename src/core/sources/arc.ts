/**
 * Azure Arc-enabled servers (on premises or in other clouds): the Arc agent's identity endpoint
 * on this machine. It answers a first request with 401 and `WWW-Authenticate: Basic realm=<file>`;
 * the file, readable only by members of the `himds` group, holds a one-time key that the second
 * request presents. The file is read only when it is a regular file directly in the agent's token
 * directory, named `*.key`, at most 4096 bytes; any other realm is refused and nothing is read or
 * sent. Arc offers the machine's system-assigned identity only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LoginError } from '../errors.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../files.js';
import { HttpFailure, type HttpResponse } from '../http.js';
import {
  abortedAs,
  accessTokenFrom,
  endpointFromEnvironment,
  expectStatus,
  explainNetworkFailure,
  MANAGED_IDENTITY_RETRIES,
  routeFor,
  ServiceStatus,
  withRetries
} from './http-source.js';
import { clip, type AzureToken, type SourceContext, type TokenSource } from './source.js';

const API_VERSION = '2019-11-01';
export const ARC_DEFAULT_ENDPOINT = 'http://localhost:40342/metadata/identity/oauth2/token';
const CONNECT_TIMEOUT_MS = 2_000;
const ATTEMPT_TIMEOUT_MS = 20_000;
const MAX_BODY_BYTES = 64 * 1024;
const MAX_KEY_BYTES = 4096;
/**
 * For the project's tests only: the token directory the realm must lie in, since tests cannot
 * create the agent's own directory. The step warns whenever it is set.
 */
export const TEST_TOKEN_DIR_VARIABLE = 'CHAINGUARD_LOGIN_TEST_ARC_TOKEN_DIR';

/** Where the Arc agent is installed, and where it writes its key files, on this system. */
export function arcPaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): { agent: string; tokenDir: string } {
  if (platform === 'win32') {
    const programFiles = env.ProgramFiles || 'C:\\Program Files';
    const programData = env.ProgramData || 'C:\\ProgramData';
    return {
      agent: path.win32.join(programFiles, 'AzureConnectedMachineAgent', 'himds.exe'),
      tokenDir: path.win32.join(programData, 'AzureConnectedMachineAgent', 'Tokens')
    };
  }
  return { agent: '/opt/azcmagent/bin/himds', tokenDir: '/var/opt/azcmagent/tokens' };
}

export interface ArcEnvironment {
  endpoint: string;
  /** How it was found, for the log. */
  how: string;
}

export class ArcSource implements TokenSource {
  readonly name = "the Azure Arc agent's identity endpoint";
  readonly endpoint: string;
  private readonly url: URL;
  private readonly tokenDir: string;
  private readonly pathApi: typeof path.posix;
  private readonly testOverride: boolean;
  private readonly sameName: (a: string, b: string) => boolean;

  constructor(environment: ArcEnvironment, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform) {
    this.url = endpointFromEnvironment(environment.endpoint, 'IDENTITY_ENDPOINT');
    this.endpoint = `${this.url.origin}${this.url.pathname}`;
    this.pathApi = platform === 'win32' ? path.win32 : path.posix;
    const override = env[TEST_TOKEN_DIR_VARIABLE]?.trim();
    this.tokenDir = this.pathApi.resolve(override || arcPaths(env, platform).tokenDir);
    this.testOverride = Boolean(override);
    this.sameName = platform === 'win32' ? (a, b) => a.toLowerCase() === b.toLowerCase() : (a, b) => a === b;
  }

  /**
   * `IDENTITY_ENDPOINT` with `IMDS_ENDPOINT` (what the agent sets for services), or the agent
   * installed on this machine (then its default endpoint).
   */
  static detect(env: NodeJS.ProcessEnv, exists: (file: string) => boolean = existsSync): ArcEnvironment | undefined {
    const endpoint = env.IDENTITY_ENDPOINT?.trim();
    if (endpoint && env.IMDS_ENDPOINT?.trim()) return { endpoint, how: 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set' };
    const { agent } = arcPaths(env);
    if (!endpoint && exists(agent)) return { endpoint: ARC_DEFAULT_ENDPOINT, how: `the Arc agent is installed (${agent})` };
    return undefined;
  }

  async getToken(resource: string, context: SourceContext): Promise<AzureToken> {
    if (this.testOverride) {
      context.warn?.(
        `${TEST_TOKEN_DIR_VARIABLE} is set: Arc key files are accepted from ${this.tokenDir}. This setting exists for tests only; remove it.`
      );
    }
    const url = new URL(this.url);
    url.searchParams.set('api-version', API_VERSION);
    url.searchParams.set('resource', resource);
    context.debug(`Requesting an Azure token from the Arc agent (${this.endpoint}) for ${resource}`);

    let response: HttpResponse;
    try {
      response = await withRetries(MANAGED_IDENTITY_RETRIES, 'Arc identity endpoint', context, () => this.attempt(url, context));
    } catch (error) {
      throw abortedAs(error, context) ?? this.explain(error);
    }
    return accessTokenFrom(response, context, this.call(), 'Something other than the Arc agent answered: check IDENTITY_ENDPOINT.');
  }

  /** The challenge, the key file, and the answer. */
  private async attempt(url: URL, context: SourceContext): Promise<HttpResponse> {
    const request = (headers: Record<string, string>, secrets: string[] = []) =>
      context.send({
        url,
        method: 'GET',
        headers: { Metadata: 'true', Accept: 'application/json', ...headers },
        secrets,
        route: routeFor(url),
        connectTimeoutMs: CONNECT_TIMEOUT_MS,
        timeoutMs: ATTEMPT_TIMEOUT_MS,
        maxBodyBytes: MAX_BODY_BYTES,
        signal: context.signal
      });
    const challenge = await request({});
    if (challenge.status !== 401) return expectStatus(challenge);
    const realm = realmOf(challenge.headers['www-authenticate']);
    if (realm === undefined) {
      throw new LoginError(
        `${this.call()}: it answered 401 without a Basic realm naming a key file, which the Arc agent always sends; ` +
          'something other than the Arc agent answered. Check IDENTITY_ENDPOINT.'
      );
    }
    const key = this.readKey(realm);
    context.mask(key);
    return expectStatus(await request({ Authorization: `Basic ${key}` }, [key]));
  }

  /** Reads the key file the agent named, after checking that it is one of the agent's. */
  private readKey(realm: string): string {
    const p = this.pathApi;
    const refuse = (why: string): never => {
      throw new LoginError(
        `${this.call()}: it asked for the key file "${clip(realm, 200)}", which ${why}; the Arc agent only names ` +
          `*.key files of at most ${MAX_KEY_BYTES} bytes directly in ${this.tokenDir}. Nothing was read or sent. ` +
          'Check that IDENTITY_ENDPOINT names the Arc agent on this machine.'
      );
    };
    if (!p.isAbsolute(realm)) refuse('is not an absolute path');
    const resolved = p.resolve(realm);
    if (!this.sameName(resolved, realm) || !this.sameName(p.dirname(resolved), this.tokenDir))
      refuse(`is not directly in ${this.tokenDir}`);
    if (!p.basename(resolved).endsWith('.key')) refuse('is not named *.key');

    let read: string | undefined;
    try {
      // Never blocks (a FIFO is refused at once), and a symbolic link planted in the directory is refused rather than followed.
      read = readRegularFile(resolved, { maxBytes: MAX_KEY_BYTES, noFollow: true });
    } catch (error) {
      if (error instanceof NotRegularFile) return refuse('is not a regular file');
      if (error instanceof FileTooLarge) return refuse(`is ${error.size} bytes long`);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return refuse('is a symbolic link');
      if (code === 'EACCES' || code === 'EPERM') {
        throw new LoginError(
          `${this.call()}: the key file in ${this.tokenDir} cannot be read by the user running the step. On Linux, add that ` +
            'user to the himds group (sudo usermod -a -G himds <user>, then restart the runner or agent); on Windows, run ' +
            'it as an administrator or a member of "Hybrid agent extension applications".'
        );
      }
      throw new LoginError(`${this.call()}: could not open the key file it named (${code ?? 'error'}).`);
    }
    if (read === undefined) throw new LoginError(`${this.call()}: could not open the key file it named (ENOENT).`);
    const key = read.trim();
    if (!key || /[\r\n\0]/.test(key)) refuse('does not hold a key');
    return key;
  }

  private call(): string {
    return `Could not get an Azure token from ${this.name} (${this.endpoint})`;
  }

  private explain(error: unknown): Error {
    const call = this.call();
    if (error instanceof HttpFailure) {
      return explainNetworkFailure(
        call,
        error,
        'The Arc agent (himds) is not running on this machine: check "azcmagent show", or choose another identity-source.'
      );
    }
    if (!(error instanceof ServiceStatus)) return error instanceof Error ? error : new Error(String(error));
    const status = error.response.status;
    if (status === 401 || status === 403) {
      return new LoginError(
        `${call}: it refused the key it had just issued, ${error.summary}. Run the job again; if it persists, restart the Arc agent (himds).`
      );
    }
    if (status === 400) {
      return new LoginError(
        `${call}: it refused the request, ${error.summary}. Check azure-audience: it must be the Application ID URI of an ` +
          'Entra app or another resource Entra ID knows; and check that the server is connected (azcmagent show).'
      );
    }
    if (MANAGED_IDENTITY_RETRIES.statuses.includes(status)) {
      return new LoginError(
        `${call}: it kept failing (last answer ${error.summary}) after ${MANAGED_IDENTITY_RETRIES.retries + 1} attempts. Try again shortly.`
      );
    }
    return new LoginError(`${call}: it answered ${error.summary}.`);
  }
}

/** The realm of a `Basic realm=<path>` challenge (quoted or not), or undefined. */
export function realmOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*Basic\s+realm=(?:"([^"]*)"|(\S.*?))\s*$/i.exec(value ?? '');
  const realm = match?.[1] ?? match?.[2];
  return realm ? realm : undefined;
}
