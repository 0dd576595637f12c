/**
 * What the sources that ask a token endpoint share (MSAL's pattern): each states its request and
 * its refusals; this base sends it under the service's retry rules, reads the answer (masking the
 * token at once) and explains any failure in one message that names the call. Also the Azure
 * sources' shared pieces: their retry policies, their advice, and the binding of azure-audience.
 */
import { LoginError } from '../errors.js';
import { HttpFailure } from '../net/failure.js';
import type { HttpRequest, HttpResponse } from '../net/http.js';
import { SERVER_ERRORS, type RetryRules } from '../net/retry.js';
import {
  abortedAs,
  accessTokenFrom,
  callEndpoint,
  explainNetworkFailure,
  ServiceStatus,
  type ErrorDialect
} from '../net/token-endpoint.js';
import type { AdviceContext, IdentitySource, IdentityToken, PresentedClaims, SourceContext, TokenSource } from './source.js';
import type { SourceKind } from '../sources/inputs.js';

/** Network failures worth another try at an identity endpoint: a connection that opened, then stalled or broke. */
const STALLED = { kinds: ['timeout', 'reset'] as const, retries: 2, backoff: { baseMs: 1_000, capMs: 4_000 } };

/**
 * Microsoft's SDKs for the managed-identity endpoints other than IMDS (App Service, Arc):
 * 404, 408, 429 and 5xx, three retries, `Retry-After` honoured.
 */
export const MANAGED_IDENTITY_RETRIES: RetryRules = {
  statuses: [404, 408, 429, 500, 502, 503, 504],
  retries: 3,
  backoff: { baseMs: 1_000, capMs: 8_000 },
  network: STALLED,
  retryAfterCapMs: 60_000,
  serverErrorFloorMs: 1_000
};
/** Token services on the internet (Entra ID, Azure DevOps): throttling and server errors only. */
export const TOKEN_SERVICE_RETRIES: RetryRules = { ...MANAGED_IDENTITY_RETRIES, statuses: [408, 429, 500, 502, 503, 504] };
/** Microsoft's advice for IMDS: 404, 429 and 5xx, about five retries with exponential backoff. */
export const IMDS_RETRIES: RetryRules = {
  ...MANAGED_IDENTITY_RETRIES,
  statuses: [404, 429, ...SERVER_ERRORS],
  retries: 5,
  backoff: { baseMs: 1_000, capMs: 16_000 }
};

/** One request of a token endpoint, with the limits every such request has. */
export function tokenRequest(
  context: SourceContext,
  request: Pick<HttpRequest, 'url' | 'method' | 'headers' | 'body' | 'secrets' | 'route'>,
  limits: { connectTimeoutMs: number; timeoutMs: number; maxBodyBytes: number }
): Promise<HttpResponse> {
  return context.send({ ...request, ...limits, signal: context.signal });
}

/** A source that asks one token endpoint: its request, its refusals, and where it is. */
export abstract class TokenEndpointSource {
  abstract readonly name: string;
  abstract readonly endpoint: string;
  /** Names the service in retry debug lines ("Identity endpoint", "Entra ID", …). */
  protected abstract readonly label: string;
  protected abstract readonly rules: RetryRules;
  protected readonly dialect: ErrorDialect = 'oauth';

  /** The debug line before the first request. */
  protected abstract describe(resource: string): string;
  /** Sends one attempt. */
  protected abstract attempt(resource: string, context: SourceContext, attempt: number): Promise<HttpResponse>;
  /** What it means when nothing listens at the endpoint. */
  protected abstract absent(): string;
  /** Explains an answer that is not a token. */
  protected abstract refusal(error: ServiceStatus, resource: string): LoginError;

  /** "Could not get an Azure token from …", for messages. */
  protected call(): string {
    return `Could not get an Azure token from ${this.name} (${this.endpoint})`;
  }

  /** Sends the request under the service's rules; the answer, or one message that names the call. */
  protected async request(resource: string, context: SourceContext): Promise<HttpResponse> {
    context.debug(this.describe(resource));
    try {
      return await callEndpoint(
        { label: this.label, rules: this.rules, dialect: this.dialect, attempt: (n) => this.attempt(resource, context, n) },
        context
      );
    } catch (error) {
      throw abortedAs(error, context) ?? this.explain(error, resource);
    }
  }

  protected explain(error: unknown, resource: string): Error {
    if (error instanceof HttpFailure) return explainNetworkFailure(this.call(), error, this.absent());
    if (error instanceof ServiceStatus) return this.refusal(error, resource);
    return error instanceof Error ? error : new Error(String(error));
  }

  /** The refusal of a status the rules retried until they gave up. */
  protected keptFailing(error: ServiceStatus, who = 'it'): LoginError | undefined {
    if (!this.rules.statuses.includes(error.response.status)) return undefined;
    return new LoginError(
      `${this.call()}: ${who} kept failing (last answer ${error.summary}) after ${this.rules.retries + 1} attempts. Try again shortly.`
    );
  }
}

/** A managed-identity endpoint that answers an OAuth token (`access_token`) for a resource. */
export abstract class AzureEndpointSource extends TokenEndpointSource implements TokenSource {
  /** Explains a 200 that is not a token answer. */
  protected abstract elsewhere(): string;

  async getToken(resource: string, context: SourceContext): Promise<IdentityToken> {
    const response = await this.request(resource, context);
    return accessTokenFrom(response, context, this.call(), this.elsewhere());
  }
}

/** An Azure source, with `azure-audience` bound in. */
export function azureSource(kind: SourceKind, source: TokenSource, resource: string): IdentitySource {
  return {
    kind,
    name: source.name,
    endpoint: source.endpoint,
    tokenName: 'Azure token',
    resource,
    getToken: (context: SourceContext) => source.getToken(resource, context)
  };
}

/** The setup doctor's advice on an Azure token's claims. */
export function azureAdvice({ iss, aud }: PresentedClaims, { label }: AdviceContext): string[] {
  if (iss.startsWith('https://sts.windows.net/')) {
    return [
      'Likely cause: the token has a v1 issuer (https://sts.windows.net/<tenant-id>/). Either create the identity with the v1 ' +
        'issuer and audience shown above, or set "requestedAccessTokenVersion": 2 in the Entra app\'s manifest so the issuer ' +
        "becomes https://login.microsoftonline.com/<tenant-id>/v2.0 and the audience the app's client ID."
    ];
  }
  if (aud.startsWith('api://')) {
    return [
      "Likely cause: the audience. v2 tokens carry the Entra app's client ID as audience, not its Application ID URI; create " +
        'the identity with the audience shown above.'
    ];
  }
  return [
    "The subject is the managed identity's principal (object) ID and the audience the Entra app's client ID (from " +
      `${label('azure-audience')}); compare them with the identity the job uses (chainctl iam identities describe <id>).`
  ];
}
