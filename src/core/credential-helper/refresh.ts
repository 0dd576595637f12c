/**
 * The credential helper's refresh: the identity source the step used, chosen again from the
 * inputs and environment the step saw (as its configuration describes them), then the exchange
 * for the host (Chainguard's STS, or the Azure Container Registry).
 */
import { withTrustAdvice } from '../advice/trust.js';
import type { Clock } from '../clock.js';
import { CHAINGUARD_USERNAME } from '../docker/users.js';
import { messageOf } from '../errors.js';
import { ACR_RESOURCE, exchangeAtAcr } from '../exchange/acr.js';
import { exchangeAtChainguard } from '../exchange/chainguard-sts.js';
import { INPUT_NAMES, type InputName } from '../inputs/definitions.js';
import { hasOwn } from '../json.js';
import type { HttpRequest, HttpResponse } from '../net/http.js';
import { sendThrough } from '../net/proxy.js';
import type { HelperNetwork, NetworkSettings } from '../platform.js';
import { oidcRequestUri } from '../sources/azure-devops-oidc.js';
import type { IdentitySource, SourceContext } from '../sources/source.js';
import type { SourceInputName, SourceInputs, SourceKind } from '../sources/inputs.js';
import type { PlatformIdentity } from '../platform.js';
import { SECRET_ENVIRONMENT, selectSource, sourceDefinition, SOURCE_ENVIRONMENT } from '../sources/table.js';
import { readTestSettings, testEnvironment } from '../test-settings.js';
import {
  DEFAULT_REFRESH_TIMEOUT_SECONDS,
  HelperError,
  type HelperConfig,
  type HelperCredential,
  type HelperSource,
  type Refresh
} from './config.js';

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

/** The description of the source the step chose, for the helper's configuration: never a secret. */
export function describeSource(
  kind: SourceKind,
  inputs: Omit<SourceInputs, 'identitySource'>,
  env: NodeJS.ProcessEnv,
  platform?: PlatformIdentity
): HelperSource {
  const kept: Record<string, string> = testEnvironment(env);
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

/** The environment the helper's sources read: the step's, as its configuration keeps it, with only the secrets from the helper's own. */
function sourceEnvironment(config: HelperConfig, own: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of SECRET_ENVIRONMENT) if (own[name] !== undefined) env[name] = own[name];
  for (const [name, value] of Object.entries(config.source.env)) if (typeof value === 'string') env[name] = value;
  return env;
}

/**
 * The source a configuration describes, chosen again as the step chose it: `resource` replaces
 * azure-audience (an ACR exchange asks for ACR_RESOURCE).
 */
export function sourceFromDescription(
  config: HelperConfig,
  runtime: Pick<RefreshRuntime, 'env' | 'platform'>,
  resource?: string
): IdentitySource {
  const stored = config.source;
  const env = sourceEnvironment(config, runtime.env);
  const inputs: SourceInputs = { ...stored.inputs, identitySource: stored.kind, ...(resource ? { azureResource: resource } : {}) };
  const label = (name: SourceInputName): string => config.labels?.[name] ?? name;
  try {
    return selectSource({ inputs, env, platform: runtime.platform, label, test: readTestSettings(env) }).source;
  } catch (error) {
    // What this process's environment lacks (IDENTITY_HEADER, ACTIONS_ID_TOKEN_REQUEST_TOKEN) another get may have.
    throw new HelperError(`the identity source ${stored.kind} the login step used is not available here: ${messageOf(error)}`, {
      cause: error,
      local: true
    });
  }
}

/**
 * The source's token. A fresh Azure DevOps OIDC token needs the job's access token, which the
 * step that runs docker has only when it maps SYSTEM_ACCESSTOKEN: without it, a failure of this
 * process's environment (another get may have it), said in the helper's own words.
 */
function presentedToken(source: IdentitySource, context: SourceContext): ReturnType<IdentitySource['getToken']> {
  if (source.kind === 'azure-devops' && !context.platform?.azureDevOpsAccessToken?.()) {
    throw new HelperError(
      'SYSTEM_ACCESSTOKEN is not in the environment of this step, and a fresh Azure DevOps OIDC token needs it: map it in the step that runs docker, env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)',
      { local: true }
    );
  }
  return source.getToken(context);
}

/** A fresh Chainguard token for `host`: the source's token, exchanged at the STS, with the setup doctor's advice if refused. */
async function chainguardCredential(
  config: HelperConfig,
  host: string,
  runtime: RefreshRuntime,
  context: SourceContext
): Promise<HelperCredential> {
  const entry = config.hosts[host];
  if (entry.kind !== 'chainguard') throw new HelperError(`its configuration names ${host} as another kind of host`);
  const label = (name: SourceInputName): string => config.labels?.[name] ?? name;
  const source = sourceFromDescription(config, runtime);
  const presented = await presentedToken(source, context);
  const request = {
    issuer: entry.issuer,
    identity: entry.identity,
    audience: entry.audience,
    subjectToken: presented.token,
    tokenName: source.tokenName,
    identityInput: label('identity'),
    audienceInput: config.labels?.audience ?? 'audience'
  };
  try {
    const token = await exchangeAtChainguard(request, context);
    return { username: CHAINGUARD_USERNAME, secret: token.token, expiresAt: token.expiresAt };
  } catch (error) {
    throw withTrustAdvice(error, { source: sourceDefinition(source.kind), tokenName: source.tokenName, label });
  }
}

/** A fresh ACR refresh token for `host`, from an Azure token of the same source. */
async function acrCredential(
  config: HelperConfig,
  host: string,
  runtime: RefreshRuntime,
  context: SourceContext
): Promise<HelperCredential> {
  const source = sourceFromDescription(config, runtime, ACR_RESOURCE);
  const inputLabel = config.labels?.['acr-registries'] ?? 'acr-registries';
  const credential = await exchangeAtAcr(
    { loginServer: host, azureToken: async () => (await source.getToken(context)).token, inputLabel },
    context
  );
  return { username: credential.username, secret: credential.password, expiresAt: credential.expiresAt };
}

/** A refresh for every host of `config`, through the source and exchanges the step used. */
export function defaultRefresh(config: HelperConfig, runtime: RefreshRuntime): Refresh {
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
    if (!hasOwn(config.hosts, host)) throw new HelperError(`its configuration names no host ${host}`);
    try {
      const refresh = config.hosts[host].kind === 'chainguard' ? chainguardCredential : acrCredential;
      return await refresh(config, host, runtime, context);
    } catch (error) {
      if (runtime.signal?.aborted) {
        throw new HelperError(`the refresh for ${host} took longer than ${config.timeoutSeconds ?? DEFAULT_REFRESH_TIMEOUT_SECONDS} s`);
      }
      if (error instanceof HelperError) throw error;
      throw new HelperError(`could not refresh the credential for ${host}: ${messageOf(error)}`, { cause: error });
    }
  };
}
