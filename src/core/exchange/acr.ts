/**
 * Azure Container Registry: turns an Entra token for `https://containerregistry.azure.net`
 * into an ACR refresh token (`POST https://<login server>/oauth2/exchange`), which docker
 * presents as the password of the null-GUID user. The refresh token lives about three hours.
 */
import { ACR_USERNAME } from '../docker/users.js';
import { LoginError } from '../errors.js';
import { jsonObject } from '../json.js';
import { decodeClaims, ExpiryRefused, issuedExpiry, type Claims } from '../jwt.js';
import { HttpFailure } from '../net/failure.js';
import type { HttpResponse } from '../net/http.js';
import { SERVER_ERRORS, type RetryRules } from '../net/retry.js';
import { callEndpoint, maskLongValues, ServiceStatus, type EndpointContext } from '../net/token-endpoint.js';
import { isLoopback } from '../net/url.js';
import { isGuid, shellArg, shellWord } from '../shell.js';

/** The resource (audience) to ask of the Azure source for an ACR exchange. */
export const ACR_RESOURCE = 'https://containerregistry.azure.net';
/** How long a refresh token lives when the answer does not say (Microsoft: renew every 3 hours). */
const DEFAULT_LIFETIME_MS = 3 * 60 * 60 * 1000;
const LIMITS = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBodyBytes: 64 * 1024 };
/** As Azure Pipelines' Docker task: 429 and 5xx, and a connection that stalled or broke, four retries. */
const ACR_RETRIES: RetryRules = {
  statuses: [429, ...SERVER_ERRORS],
  retries: 4,
  backoff: { baseMs: 1_000, capMs: 8_000 },
  network: { kinds: ['reset', 'timeout'], retries: 4, backoff: { baseMs: 1_000, capMs: 8_000 } },
  retryAfterCapMs: 30_000
};

export interface AcrCredential {
  username: typeof ACR_USERNAME;
  /** The ACR refresh token (masked the moment it arrived). */
  password: string;
  expiresAt: Date;
}

export interface AcrExchangeRequest {
  /** A login server as `parseAcrLoginServer` returns it. */
  loginServer: string;
  /** Gets an Azure token for ACR_RESOURCE from the job's source (masked by the source). */
  azureToken: () => Promise<string>;
  /** The input that lists the registries, as the user spells it on this platform. */
  inputLabel: string;
}

/** The base URL of a login server: https, or http for a loopback `host:port` (accepted only under the test-only setting). */
export function acrBaseUrl(loginServer: string): URL {
  const url = new URL(`https://${loginServer}`);
  if (url.port && isLoopback(url.hostname)) return new URL(`http://${loginServer}`);
  return url;
}

/** Exchanges an Azure token for an ACR refresh token for `loginServer`. */
export async function exchangeAtAcr(request: AcrExchangeRequest, context: EndpointContext): Promise<AcrCredential> {
  const url = new URL('/oauth2/exchange', acrBaseUrl(request.loginServer));
  const call = `Could not log in to the Azure Container Registry ${request.loginServer} (POST ${url.origin}${url.pathname})`;
  const azureToken = await request.azureToken();
  const claims = decodeClaims(azureToken);
  const form = new URLSearchParams({ grant_type: 'access_token', service: request.loginServer });
  const tenant = typeof claims?.tid === 'string' ? claims.tid : undefined;
  if (tenant) form.set('tenant', tenant);
  form.set('access_token', azureToken);
  context.debug(`Exchanging the Azure token at ${url.origin}${url.pathname}${tenant ? ` for tenant ${tenant}` : ''}`);
  let response: HttpResponse;
  try {
    const attempt = (): Promise<HttpResponse> =>
      context.send({
        url,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form.toString(),
        secrets: [azureToken],
        route: 'environment',
        ...LIMITS,
        signal: context.signal
      });
    response = await callEndpoint({ label: 'ACR exchange', rules: ACR_RETRIES, dialect: 'registry', attempt }, context);
  } catch (error) {
    if (context.signal?.aborted) throw error;
    throw explain(error, call, request, claims);
  }
  return credentialFrom(response, call, request, context);
}

/** The refresh token of a 200 answer, masked at once, with its expiry checked. */
function credentialFrom(response: HttpResponse, call: string, request: AcrExchangeRequest, context: EndpointContext): AcrCredential {
  const parsed = jsonObject(response.body);
  const refreshToken = parsed?.refresh_token;
  if (typeof refreshToken !== 'string' || refreshToken.length === 0) {
    maskLongValues(parsed, context);
    const what = parsed ? 'JSON without a refresh_token' : 'not JSON';
    throw new LoginError(
      `${call}: it answered 200 with a body that is ${what}. Check ${request.inputLabel}: it must name an Azure Container Registry login server.`
    );
  }
  context.mask(refreshToken);
  const now = context.clock.now();
  let expiresAt: Date | undefined;
  try {
    expiresAt = issuedExpiry(decodeClaims(refreshToken), now, 'the refresh token it returned');
  } catch (error) {
    if (!(error instanceof ExpiryRefused)) throw error;
    const clock = error.clock ? ", and this machine's clock" : '';
    throw new LoginError(
      `${call}: ${error.message}. Check ${request.inputLabel}: it must name an Azure Container Registry login server${clock}.`
    );
  }
  return { username: ACR_USERNAME, password: refreshToken, expiresAt: expiresAt ?? new Date(now + DEFAULT_LIFETIME_MS) };
}

function explain(error: unknown, call: string, request: AcrExchangeRequest, claims: Claims | undefined): Error {
  if (error instanceof HttpFailure) {
    const settings = error.settings ?? 'the network (HTTPS_PROXY and NO_PROXY, behind a proxy)';
    const hint =
      error.kind === 'unreachable'
        ? `no registry answers at that name: check ${request.inputLabel}`
        : `check ${request.inputLabel} and ${settings}`;
    return new LoginError(`${call}: ${error.message}; ${hint}.`);
  }
  if (!(error instanceof ServiceStatus)) return error instanceof Error ? error : new Error(String(error));
  const status = error.response.status;
  if (status === 401 || status === 403) return roleMissing(error, call, request, claims);
  if (status === 404) {
    return new LoginError(
      `${call}: ${error.summary}. Nothing at that address exchanges Azure tokens: check that ${request.inputLabel} names an Azure Container Registry login server.`
    );
  }
  if (ACR_RETRIES.statuses.includes(status)) {
    return new LoginError(
      `${call}: the registry kept failing (last answer ${error.summary}) after ${ACR_RETRIES.retries + 1} attempts. Try again shortly.`
    );
  }
  return new LoginError(`${call}: ${error.summary}.`);
}

/** A 401 or 403: the identity lacks the AcrPull role; the command that grants it, every value quoted. */
function roleMissing(error: ServiceStatus, call: string, request: AcrExchangeRequest, claims: Claims | undefined): LoginError {
  const oid = typeof claims?.oid === 'string' ? claims.oid : undefined;
  const principal = oid && isGuid(oid) ? oid : undefined;
  const assignee = shellArg(principal, '<principal-id of the managed identity>');
  const name = shellWord(request.loginServer.split('.')[0]);
  return new LoginError(
    `${call}: ${error.summary}. The registry refused the Azure identity${principal ? ` (principal ${principal})` : ''}: it needs the AcrPull role on ` +
      'this registry (or, on a registry with repository permissions (ABAC), Container Registry Repository Reader). Grant it with:\n' +
      `  az role assignment create --assignee-object-id ${assignee} --assignee-principal-type ServicePrincipal --role AcrPull ` +
      `--scope "$(az acr show --name ${name} --query id --output tsv)"\n` +
      'Role assignments can take a few minutes to apply.'
  );
}
