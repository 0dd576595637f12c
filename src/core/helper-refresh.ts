/**
 * The credential helper's default refresh: the identity source the step used, then the
 * exchange for the host (Chainguard's STS, or the Azure Container Registry).
 */
import type { Clock } from './clock.js';
import { CHAINGUARD_USERNAME, HelperError, type HelperConfig, type HelperCredential, type HelperSource, type Refresh } from './credential-helper.js';
import { messageOf } from './errors.js';
import { ACR_RESOURCE, exchangeAtAcr } from './exchange/acr.js';
import { exchangeAtChainguard } from './exchange/chainguard-sts.js';
import type { HttpRequest, HttpResponse } from './http.js';
import { ImdsSource } from './sources/imds.js';
import type { IdentitySelector, SourceContext, TokenSource } from './sources/source.js';

export interface RefreshRuntime {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  send: (request: HttpRequest) => Promise<HttpResponse>;
  signal?: AbortSignal;
}

/** The description of the IMDS source the step uses in `env`, for the helper's configuration. */
export function describeImdsSource(env: NodeJS.ProcessEnv, selector: IdentitySelector | undefined, selectorInputs: readonly string[]): HelperSource {
  return { kind: 'imds', endpoint: ImdsSource.baseFrom(env), ...(selector ? { selector } : {}), selectorInputs: [...selectorInputs] };
}

export interface HelperConfigOptions {
  source: HelperSource;
  /** The Chainguard registry host (the `registry` input) and its exchange. */
  registry: string;
  issuer: string;
  identity: string;
  audience: string;
  azureResource: string;
  /** ACR login servers (as `parseAcrLoginServers` returns them). */
  acrRegistries?: readonly string[];
  /** Input names as the user writes them on this platform, for the helper's messages. */
  labels?: Record<string, string>;
  timeoutSeconds?: number;
}

/** The helper's configuration for one login: the Chainguard registry and any ACR login servers. */
export function helperConfigFor(options: HelperConfigOptions): HelperConfig {
  const hosts: HelperConfig['hosts'] = {
    [options.registry]: {
      kind: 'chainguard',
      issuer: options.issuer,
      identity: options.identity,
      audience: options.audience,
      azureResource: options.azureResource
    }
  };
  for (const server of options.acrRegistries ?? []) hosts[server] = { kind: 'acr' };
  return {
    version: 1,
    hosts,
    source: options.source,
    ...(options.labels ? { labels: options.labels } : {}),
    ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {})
  };
}

/** The identity source a configuration describes. */
export function sourceFromDescription(source: HelperSource): TokenSource {
  switch (source.kind) {
    case 'imds':
      // Only the endpoint the step used, whatever the environment docker runs in says.
      return new ImdsSource(source.selector, source.selectorInputs, source.endpoint);
    default:
      throw new HelperError(`its configuration names an identity source this version does not know (${String((source as { kind?: unknown }).kind)})`);
  }
}

/** A refresh for every host of `config`, through the source and exchanges the step used. */
export function defaultRefresh(config: HelperConfig, runtime: RefreshRuntime): Refresh {
  const label = (name: string): string => config.labels?.[name] ?? name;
  const context: SourceContext = {
    send: runtime.send,
    clock: runtime.clock,
    signal: runtime.signal,
    // The helper prints nothing a runner reads as a log line of the job, and never a token.
    mask: () => undefined,
    debug: () => undefined,
    env: runtime.env
  };
  return async (host: string): Promise<HelperCredential> => {
    const entry = config.hosts[host];
    try {
      const source = sourceFromDescription(config.source);
      if (entry.kind === 'chainguard') {
        const azure = await source.getToken(entry.azureResource, context);
        const token = await exchangeAtChainguard(
          {
            issuer: entry.issuer,
            identity: entry.identity,
            audience: entry.audience,
            subjectToken: azure.token,
            identityInput: label('identity'),
            audienceInput: label('audience')
          },
          context
        );
        return { username: CHAINGUARD_USERNAME, secret: token.token, expiresAt: token.expiresAt };
      }
      const credential = await exchangeAtAcr(
        { loginServer: host, azureToken: async () => (await source.getToken(ACR_RESOURCE, context)).token, inputLabel: label('acr-registries') },
        context
      );
      return { username: credential.username, secret: credential.password, expiresAt: credential.expiresAt };
    } catch (error) {
      if (runtime.signal?.aborted) throw new HelperError(`the refresh for ${host} took longer than ${config.timeoutSeconds ?? 120} s`);
      throw new HelperError(`could not refresh the credential for ${host}: ${messageOf(error)}`, { cause: error });
    }
  };
}
