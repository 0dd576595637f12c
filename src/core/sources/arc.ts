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
import { FileTooLarge, NotRegularFile, readRegularFile } from '../fs/atomic.js';
import type { HttpResponse } from '../net/http.js';
import { expectStatus, type ServiceStatus } from '../net/token-endpoint.js';
import { endpointFromEnvironment, routeOf } from '../net/url.js';
import { clip } from '../text.js';
import { AzureEndpointSource, azureAdvice, azureSource, MANAGED_IDENTITY_RETRIES, tokenRequest } from './azure-endpoint.js';
import type { SourceContext, SourceDefinition } from './source.js';

const API_VERSION = '2019-11-01';
export const ARC_DEFAULT_ENDPOINT = 'http://localhost:40342/metadata/identity/oauth2/token';
const LIMITS = { connectTimeoutMs: 2_000, timeoutMs: 20_000, maxBodyBytes: 64 * 1024 };
const MAX_KEY_BYTES = 4096;

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

/**
 * `IDENTITY_ENDPOINT` with `IMDS_ENDPOINT` (what the agent sets for services), or the agent
 * installed on this machine (then its default endpoint).
 */
export function detectArc(env: NodeJS.ProcessEnv, exists: (file: string) => boolean = existsSync): ArcEnvironment | undefined {
  const endpoint = env.IDENTITY_ENDPOINT?.trim();
  if (endpoint && env.IMDS_ENDPOINT?.trim()) return { endpoint, how: 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set' };
  const { agent } = arcPaths(env);
  if (!endpoint && exists(agent)) return { endpoint: ARC_DEFAULT_ENDPOINT, how: `the Arc agent is installed (${agent})` };
  return undefined;
}

/** The realm of a `Basic realm=<path>` challenge (quoted or not), or undefined. */
export function realmOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*Basic\s+realm=(?:"([^"]*)"|(\S.*?))\s*$/i.exec(value ?? '');
  const realm = match?.[1] ?? match?.[2];
  return realm ? realm : undefined;
}

export class ArcSource extends AzureEndpointSource {
  readonly name = "the Azure Arc agent's identity endpoint";
  readonly endpoint: string;
  protected readonly label = 'Arc identity endpoint';
  protected readonly rules = MANAGED_IDENTITY_RETRIES;
  private readonly url: URL;
  private readonly tokenDir: string;
  private readonly pathApi: typeof path.posix;
  private readonly sameName: (a: string, b: string) => boolean;

  /** @param tokenDir  where key files are accepted from: the agent's own directory, unless the project's tests name another */
  constructor(environment: ArcEnvironment, env: NodeJS.ProcessEnv, tokenDir?: string, platform: NodeJS.Platform = process.platform) {
    super();
    this.url = endpointFromEnvironment(environment.endpoint, 'IDENTITY_ENDPOINT');
    this.endpoint = `${this.url.origin}${this.url.pathname}`;
    this.pathApi = platform === 'win32' ? path.win32 : path.posix;
    this.tokenDir = this.pathApi.resolve(tokenDir || arcPaths(env, platform).tokenDir);
    this.sameName = platform === 'win32' ? (a, b) => a.toLowerCase() === b.toLowerCase() : (a, b) => a === b;
  }

  protected describe(resource: string): string {
    return `Requesting an Azure token from the Arc agent (${this.endpoint}) for ${resource}`;
  }

  /** The challenge, the key file, and the answer. */
  protected async attempt(resource: string, context: SourceContext): Promise<HttpResponse> {
    const url = new URL(this.url);
    url.searchParams.set('api-version', API_VERSION);
    url.searchParams.set('resource', resource);
    const request = (headers: Record<string, string>, secrets: string[] = []): Promise<HttpResponse> =>
      tokenRequest(
        context,
        { url, method: 'GET', headers: { Metadata: 'true', Accept: 'application/json', ...headers }, secrets, route: routeOf(url) },
        LIMITS
      );
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
    return request({ Authorization: `Basic ${key}` }, [key]);
  }

  /** Refuses the realm the agent named, saying why; nothing was read or sent. */
  private refuseRealm(realm: string, why: string): never {
    throw new LoginError(
      `${this.call()}: it asked for the key file "${clip(realm, 200)}", which ${why}; the Arc agent only names ` +
        `*.key files of at most ${MAX_KEY_BYTES} bytes directly in ${this.tokenDir}. Nothing was read or sent. ` +
        'Check that IDENTITY_ENDPOINT names the Arc agent on this machine.'
    );
  }

  /** Reads the key file the agent named, after checking that it is one of the agent's. */
  private readKey(realm: string): string {
    const p = this.pathApi;
    if (!p.isAbsolute(realm)) this.refuseRealm(realm, 'is not an absolute path');
    const resolved = p.resolve(realm);
    if (!this.sameName(resolved, realm) || !this.sameName(p.dirname(resolved), this.tokenDir)) {
      this.refuseRealm(realm, `is not directly in ${this.tokenDir}`);
    }
    if (!p.basename(resolved).endsWith('.key')) this.refuseRealm(realm, 'is not named *.key');
    const key = this.readKeyFile(realm, resolved).trim();
    if (!key || /[\r\n\0]/.test(key)) this.refuseRealm(realm, 'does not hold a key');
    return key;
  }

  /** The key file's text: never blocking (a FIFO is refused at once), and a symbolic link planted in the directory refused rather than followed. */
  private readKeyFile(realm: string, file: string): string {
    let read: string | undefined;
    try {
      read = readRegularFile(file, { maxBytes: MAX_KEY_BYTES, noFollow: true });
    } catch (error) {
      if (error instanceof NotRegularFile) return this.refuseRealm(realm, 'is not a regular file');
      if (error instanceof FileTooLarge) return this.refuseRealm(realm, `is ${error.size} bytes long`);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return this.refuseRealm(realm, 'is a symbolic link');
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
    return read;
  }

  protected absent(): string {
    return 'The Arc agent (himds) is not running on this machine: check "azcmagent show", or choose another identity-source.';
  }

  protected elsewhere(): string {
    return 'Something other than the Arc agent answered: check IDENTITY_ENDPOINT.';
  }

  protected refusal(error: ServiceStatus): LoginError {
    const call = this.call();
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
    return this.keptFailing(error) ?? new LoginError(`${call}: it answered ${error.summary}.`);
  }
}

/** The source table's entry. Named explicitly, Arc is tried at IDENTITY_ENDPOINT, else the agent's default endpoint. */
export const arcSource: SourceDefinition = {
  kind: 'arc',
  azure: true,
  title: 'Azure Arc',
  detect(request, explicit) {
    const { env } = request;
    const found =
      detectArc(env, request.exists) ??
      (explicit ? { endpoint: env.IDENTITY_ENDPOINT?.trim() || ARC_DEFAULT_ENDPOINT, how: '' } : undefined);
    if (!found) return { found: false, why: 'the Arc agent is not installed' };
    const resource = request.inputs.azureResource as string;
    return { found: true, how: found.how, build: () => azureSource('arc', new ArcSource(found, env, request.test.arcTokenDir), resource) };
  },
  selectors: { refused: "Azure Arc offers the machine's system-assigned identity only." },
  doctorName: 'azure-arc-runners',
  advice: azureAdvice,
  environment: ['IDENTITY_ENDPOINT', 'IMDS_ENDPOINT', 'ProgramFiles', 'ProgramData']
};
