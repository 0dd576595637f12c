/**
 * The credential helper's default refresh: the identity source the step used, chosen again from
 * the inputs and environment the step saw, then the exchange for the host (Chainguard's STS, or
 * the Azure Container Registry).
 */
import type { Clock } from './clock.js';
import {
  CHAINGUARD_USERNAME,
  HelperError,
  SECRET_ENVIRONMENT,
  type HelperConfig,
  type HelperCredential,
  type HelperNetwork,
  type HelperSource,
  type NetworkSecrets,
  type Refresh
} from './credential-helper.js';
import { messageOf } from './errors.js';
import { ACR_RESOURCE, exchangeAtAcr } from './exchange/acr.js';
import { exchangeAtChainguard } from './exchange/chainguard-sts.js';
import type { HttpRequest, HttpResponse, NetworkSettings } from './http.js';
import { DEFAULT_ISSUER, DEFAULT_REGISTRY, DEFAULT_TIMEOUT_SECONDS, INPUT_NAMES, type InputName, type LoginInputs } from './inputs.js';
import { TEST_LOOPBACK_VARIABLE } from './loopback.js';
import { TEST_TOKEN_DIR_VARIABLE } from './sources/arc.js';
import { oidcRequestUri } from './sources/azure-devops-oidc.js';
import { selectSource } from './sources/index.js';
import type { IdentitySource, PlatformIdentity, SourceContext, SourceKind } from './sources/source.js';

export interface RefreshRuntime {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  send: (request: HttpRequest) => Promise<HttpResponse>;
  signal?: AbortSignal;
  /** What the helper can offer the platform sources (GitHub's OIDC token through the runner library). */
  platform?: PlatformIdentity;
  /** The runner's network settings the step used (see networkSettingsFrom). */
  network?: NetworkSettings;
  /** Told every secret the refresh handles (tokens, keys, headers), so that nothing printed holds one. */
  mask?: (secret: string) => void;
}

/**
 * `send` as the step and the helper use it: calls that may leave the machine (the `environment`
 * route) go through the runner's network settings when it handed any over; metadata calls
 * (IMDS, the Arc agent) stay direct.
 */
export function sendThrough(
  send: (request: HttpRequest) => Promise<HttpResponse>,
  network: NetworkSettings | undefined
): (request: HttpRequest) => Promise<HttpResponse> {
  return (request) => send(request.route === 'environment' && network ? { ...request, network } : request);
}

/**
 * Whether the runner's bypass list sends `url` direct: as azure-pipelines-task-lib's
 * getHttpProxyConfiguration decides it, each entry a regular expression tested
 * case-insensitively against the whole URL.
 */
export function bypassesProxy(bypass: readonly string[] | undefined, url: URL): boolean {
  return (bypass ?? []).some((pattern) => new RegExp(pattern, 'i').test(url.href));
}

/** The network settings the step used, rebuilt from what the helper's configuration keeps and its secrets file. */
export function networkSettingsFrom(network: HelperNetwork, secrets: NetworkSecrets): NetworkSettings {
  const proxy = network.proxyUrl ? new URL(network.proxyUrl) : undefined;
  return {
    proxyFor: (url) =>
      proxy && !bypassesProxy(network.proxyBypass, url)
        ? { url: new URL(proxy.href), username: network.proxyUsername || undefined, password: secrets.proxyPassword || undefined }
        : undefined,
    caFile: network.caFile,
    certFile: network.certFile,
    keyFile: network.keyFile,
    passphrase: secrets.passphrase || undefined,
    source: network.source
  };
}

/**
 * The variables the sources read that carry no secret: endpoints, file paths, client and tenant
 * IDs. The helper's configuration keeps them as the step saw them, so that a refresh asks the
 * same place whatever environment docker runs the helper in.
 */
export const SOURCE_ENVIRONMENT = [
  'AZURE_POD_IDENTITY_AUTHORITY_HOST',
  'IDENTITY_ENDPOINT',
  'IMDS_ENDPOINT',
  'AZURE_FEDERATED_TOKEN_FILE',
  'AZURE_CLIENT_ID',
  'AZURE_TENANT_ID',
  'AZURE_AUTHORITY_HOST',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'SYSTEM_OIDCREQUESTURI',
  'GITHUB_ACTIONS',
  'ProgramFiles',
  'ProgramData',
  TEST_TOKEN_DIR_VARIABLE,
  TEST_LOOPBACK_VARIABLE
] as const;

/** The secrets the sources read: never written down; the helper reads them from its own environment. */
export { SECRET_ENVIRONMENT };

/** The description of the source the step chose, for the helper's configuration. */
export function describeSource(kind: SourceKind, inputs: LoginInputs, env: NodeJS.ProcessEnv, platform?: PlatformIdentity): HelperSource {
  const kept: Record<string, string> = {};
  for (const name of SOURCE_ENVIRONMENT) {
    const value = env[name];
    if (value !== undefined && value !== '') kept[name] = value;
  }
  if (kind === 'azure-devops') {
    // The task library hands the request URI over as a pipeline variable.
    const uri = oidcRequestUri(env, platform);
    if (uri) kept.SYSTEM_OIDCREQUESTURI = uri;
  }
  const chosen: HelperSource['inputs'] = {};
  if (inputs.azureResource) chosen.azureResource = inputs.azureResource;
  if (inputs.selector) chosen.selector = inputs.selector;
  if (inputs.identityTokenFile) chosen.identityTokenFile = inputs.identityTokenFile;
  if (inputs.oidcAudience) chosen.oidcAudience = inputs.oidcAudience;
  if (inputs.azureDevOpsServiceConnection) chosen.azureDevOpsServiceConnection = inputs.azureDevOpsServiceConnection;
  return { kind, inputs: chosen, env: kept };
}

export interface HelperConfigOptions {
  source: HelperSource;
  /** The Chainguard registry host (the `registry` input) and its exchange. */
  registry: string;
  issuer: string;
  identity: string;
  audience: string;
  /** ACR login servers (as `parseAcrLoginServers` returns them). */
  acrRegistries?: readonly string[];
  /** Input names as the user writes them on this platform, for the helper's messages. */
  labels?: Record<string, string>;
  timeoutSeconds?: number;
  /** The runner's network settings the step used, without their secrets. */
  network?: HelperNetwork;
  /** Get no new credentials once the step's have expired (a login with logout: false). */
  noRefresh?: boolean;
}

/** The helper's configuration for one login: the Chainguard registry and any ACR login servers. */
export function helperConfigFor(options: HelperConfigOptions): HelperConfig {
  const hosts: HelperConfig['hosts'] = {
    [options.registry]: { kind: 'chainguard', issuer: options.issuer, identity: options.identity, audience: options.audience }
  };
  for (const server of options.acrRegistries ?? []) hosts[server] = { kind: 'acr' };
  return {
    version: 2,
    hosts,
    source: options.source,
    ...(options.labels ? { labels: options.labels } : {}),
    ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
    ...(options.network ? { network: options.network } : {}),
    ...(options.noRefresh ? { refresh: 'never' as const } : {})
  };
}

/** Every input's label on the platform, for the helper's messages. */
export function labelsOf(label: (name: InputName) => string): Record<string, string> {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, label(name)]));
}

/**
 * The source a configuration describes, chosen again as the step chose it: `resource` replaces
 * azure-audience (an ACR exchange asks for ACR_RESOURCE). The stored environment wins; only the
 * secrets come from the helper's own.
 */
export function sourceFromDescription(
  config: HelperConfig,
  runtime: Pick<RefreshRuntime, 'env' | 'platform'>,
  resource?: string
): IdentitySource {
  const stored = config.source;
  const env: NodeJS.ProcessEnv = {};
  for (const name of SECRET_ENVIRONMENT) if (runtime.env[name] !== undefined) env[name] = runtime.env[name];
  for (const [name, value] of Object.entries(stored.env)) if (typeof value === 'string') env[name] = value;
  const inputs: LoginInputs = {
    identity: '',
    registry: DEFAULT_REGISTRY,
    audience: DEFAULT_REGISTRY,
    issuer: DEFAULT_ISSUER,
    dockerLogin: false,
    logout: false,
    timeoutSeconds: config.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    diagnose: false,
    credentialHelper: false,
    acrRegistries: [],
    apiToken: false,
    ...stored.inputs,
    identitySource: stored.kind,
    ...(resource ? { azureResource: resource } : {})
  };
  const label = (name: InputName): string => config.labels?.[name] ?? name;
  try {
    return selectSource({ inputs, env, platform: runtime.platform, label }).source;
  } catch (error) {
    // What this process's environment lacks (IDENTITY_HEADER, ACTIONS_ID_TOKEN_REQUEST_TOKEN) another get may have.
    throw new HelperError(`the identity source ${stored.kind} the login step used is not available here: ${messageOf(error)}`, {
      cause: error,
      local: true
    });
  }
}

/** A refresh for every host of `config`, through the source and exchanges the step used. */
export function defaultRefresh(config: HelperConfig, runtime: RefreshRuntime): Refresh {
  const label = (name: string): string => config.labels?.[name] ?? name;
  const context: SourceContext = {
    send: sendThrough(runtime.send, runtime.network),
    clock: runtime.clock,
    signal: runtime.signal,
    // The helper prints nothing a runner reads as a log line of the job; what it prints has every secret it was told of replaced.
    mask: (secret) => runtime.mask?.(secret),
    debug: () => undefined,
    env: runtime.env,
    platform: runtime.platform
  };
  return async (host: string): Promise<HelperCredential> => {
    if (!Object.prototype.hasOwnProperty.call(config.hosts, host)) throw new HelperError(`its configuration names no host ${host}`);
    const entry = config.hosts[host];
    try {
      if (entry.kind === 'chainguard') {
        const source = sourceFromDescription(config, runtime);
        const presented = await source.getToken(context);
        const token = await exchangeAtChainguard(
          {
            issuer: entry.issuer,
            identity: entry.identity,
            audience: entry.audience,
            subjectToken: presented.token,
            identityInput: label('identity'),
            audienceInput: label('audience')
          },
          context
        );
        return { username: CHAINGUARD_USERNAME, secret: token.token, expiresAt: token.expiresAt };
      }
      const source = sourceFromDescription(config, runtime, ACR_RESOURCE);
      const credential = await exchangeAtAcr(
        { loginServer: host, azureToken: async () => (await source.getToken(context)).token, inputLabel: label('acr-registries') },
        context
      );
      return { username: credential.username, secret: credential.password, expiresAt: credential.expiresAt };
    } catch (error) {
      if (runtime.signal?.aborted) throw new HelperError(`the refresh for ${host} took longer than ${config.timeoutSeconds ?? 120} s`);
      if (error instanceof HelperError) throw error;
      throw new HelperError(`could not refresh the credential for ${host}: ${messageOf(error)}`, { cause: error });
    }
  };
}
