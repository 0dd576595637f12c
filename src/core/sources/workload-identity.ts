/**
 * AKS workload identity (and any Kubernetes cluster federated with Entra ID): the pod's projected
 * service-account token, in `AZURE_FEDERATED_TOKEN_FILE`, is presented to Entra ID as a client
 * assertion for the identity `AZURE_CLIENT_ID` in `AZURE_TENANT_ID`; the Azure token comes back.
 * The file is read again at every attempt, since the kubelet rotates it.
 */
import { LoginError } from '../errors.js';
import { HttpFailure, jsonObject, type HttpResponse } from '../http.js';
import { claimText, decodeClaims } from '../jwt.js';
import { isIssuerUrl, shellArg, shellWord } from '../shell.js';
import {
  abortedAs,
  accessTokenFrom,
  endpointFromEnvironment,
  expectStatus,
  explainNetworkFailure,
  routeFor,
  ServiceStatus,
  TOKEN_SERVICE_RETRIES,
  withRetries
} from './http-source.js';
import type { AzureToken, IdentitySelector, SourceContext, TokenSource } from './source.js';
import { checkNotExpired, readTokenFile } from './token-file.js';

export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const CONNECT_TIMEOUT_MS = 10_000;
const ATTEMPT_TIMEOUT_MS = 30_000;
const MAX_BODY_BYTES = 64 * 1024;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^[a-z0-9](?:[a-z0-9.-]{0,126}[a-z0-9])?$/i;

export interface WorkloadIdentityEnvironment {
  tokenFile: string;
  clientId: string;
  tenantId: string;
  authority: string;
}

export class WorkloadIdentitySource implements TokenSource {
  readonly name = 'Entra ID (workload identity)';
  readonly endpoint: string;
  private readonly url: URL;
  private readonly clientId: string;
  private readonly clientIdFrom: string;

  /** @param selector  a client ID chosen by managed-identity-client-id, overriding AZURE_CLIENT_ID */
  constructor(
    private readonly environment: WorkloadIdentityEnvironment,
    selector?: IdentitySelector
  ) {
    this.clientId = selector?.value ?? environment.clientId;
    this.clientIdFrom = selector?.inputLabel ?? 'AZURE_CLIENT_ID';
    if (!GUID.test(this.clientId))
      throw new LoginError(`${this.clientIdFrom} must be the client ID (a GUID) of the managed identity or app registration.`);
    if (!TENANT.test(environment.tenantId)) throw new LoginError('AZURE_TENANT_ID must be a tenant ID (a GUID) or a tenant domain name.');
    const authority = endpointFromEnvironment(environment.authority, 'AZURE_AUTHORITY_HOST');
    if (!authority.pathname.endsWith('/')) authority.pathname += '/';
    authority.search = '';
    this.url = new URL(`${environment.tenantId}/oauth2/v2.0/token`, authority);
    this.endpoint = this.url.href;
  }

  /** All three of `AZURE_FEDERATED_TOKEN_FILE`, `AZURE_CLIENT_ID`, `AZURE_TENANT_ID`. */
  static detect(env: NodeJS.ProcessEnv): WorkloadIdentityEnvironment | undefined {
    const tokenFile = env.AZURE_FEDERATED_TOKEN_FILE?.trim();
    const clientId = env.AZURE_CLIENT_ID?.trim();
    const tenantId = env.AZURE_TENANT_ID?.trim();
    if (!tokenFile || !clientId || !tenantId) return undefined;
    return { tokenFile, clientId, tenantId, authority: env.AZURE_AUTHORITY_HOST?.trim() || DEFAULT_AUTHORITY };
  }

  async getToken(resource: string, context: SourceContext): Promise<AzureToken> {
    context.debug(
      `Requesting an Azure token from ${this.endpoint} for ${resource} as ${this.clientId}, with the token in ${this.environment.tokenFile}`
    );
    let assertion = '';
    let response: HttpResponse;
    try {
      response = await withRetries(TOKEN_SERVICE_RETRIES, 'Entra ID', context, async () => {
        assertion = readTokenFile(this.environment.tokenFile, 'AZURE_FEDERATED_TOKEN_FILE', context);
        checkNotExpired(assertion, this.environment.tokenFile, 'AZURE_FEDERATED_TOKEN_FILE', context.clock.now());
        return this.attempt(assertion, resource, context);
      });
    } catch (error) {
      throw abortedAs(error, context) ?? this.explain(error, assertion, resource);
    }
    return accessTokenFrom(response, context, this.call(), 'Something other than Entra ID answered: check AZURE_AUTHORITY_HOST.');
  }

  private async attempt(assertion: string, resource: string, context: SourceContext): Promise<HttpResponse> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.clientId,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion,
      scope: `${resource}/.default`
    }).toString();
    const response = await context.send({
      url: this.url,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
      secrets: [assertion],
      route: routeFor(this.url),
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      maxBodyBytes: MAX_BODY_BYTES,
      signal: context.signal
    });
    return expectStatus(response);
  }

  private call(): string {
    return `Could not get an Azure token from ${this.name} (${this.url.origin}${this.url.pathname})`;
  }

  private explain(error: unknown, assertion: string, resource: string): Error {
    const call = this.call();
    if (error instanceof HttpFailure) {
      return explainNetworkFailure(call, error, 'Check AZURE_AUTHORITY_HOST and, behind a proxy, HTTPS_PROXY and NO_PROXY.');
    }
    if (!(error instanceof ServiceStatus)) return error instanceof Error ? error : new Error(String(error));
    const code = aadstsCode(error);
    const said = `Entra ID answered ${error.response.status} ${code ? `AADSTS${code}` : error.code || ''}`.trimEnd();
    const claims = decodeClaims(assertion);
    const presented = `issuer "${claimText(claims, 'iss')}", subject "${claimText(claims, 'sub')}", audience "${claimText(claims, 'aud')}"`;
    if (code && /^70021\d*$/.test(code)) {
      const claim = (name: string): string | undefined => (typeof claims?.[name] === 'string' ? (claims[name] as string) : undefined);
      const iss = shellArg(claim('iss'), '<issuer URL of the cluster>', isIssuerUrl);
      const sub = shellArg(claim('sub'), '<subject of the service account token>');
      return new LoginError(
        `${call}: ${said}: no federated credential on the identity ${this.clientId} (${this.clientIdFrom}) matches the ` +
          `service account token in AZURE_FEDERATED_TOKEN_FILE (${presented}). Add one that matches exactly ` +
          '(the comparison is case-sensitive):\n' +
          `  az identity federated-credential create --name chainguard-login --identity-name <managed identity name> --resource-group <group> --issuer ${iss} --subject ${sub} --audience api://AzureADTokenExchange\n` +
          `For an app registration, give the same issuer, subject and audience to az ad app federated-credential create --id ${shellWord(this.clientId)}. ` +
          `The pod's service account must carry the annotation azure.workload.identity/client-id: ${this.clientId}.`
      );
    }
    if (code === '700024') {
      return new LoginError(
        `${call}: ${said}: the service account token is outside its validity period (${presented}); the kubelet refreshes it while the pod runs, so check the projected volume and this machine's clock.`
      );
    }
    if (code === '700016') {
      return new LoginError(
        `${call}: ${said}: no application or managed identity with client ID ${this.clientId} exists in tenant ${this.environment.tenantId}. Check ${this.clientIdFrom} and AZURE_TENANT_ID.`
      );
    }
    if (code === '90002') {
      return new LoginError(`${call}: ${said}: tenant ${this.environment.tenantId} was not found. Check AZURE_TENANT_ID.`);
    }
    if (code === '500011' || code === '70011') {
      return new LoginError(
        `${call}: ${said}: Entra ID knows no resource "${resource}" in this tenant. Check azure-audience: it must be the Application ID URI (api://<app-client-id>) of an Entra app.`
      );
    }
    if (code === '50027' || code === '50013' || code === '5002738') {
      return new LoginError(
        `${call}: ${said}: Entra ID could not verify the service account token (${presented}). The federated credential's ` +
          'issuer must publish its signing keys (AKS: az aks update --enable-oidc-issuer --enable-workload-identity).'
      );
    }
    if (TOKEN_SERVICE_RETRIES.statuses.includes(error.response.status)) {
      return new LoginError(
        `${call}: Entra ID kept failing (last answer ${error.summary}) after ${TOKEN_SERVICE_RETRIES.retries + 1} attempts. Try again shortly.`
      );
    }
    return new LoginError(`${call}: ${error.summary}.`);
  }
}

/** The AADSTS error number of an Entra answer, from `error_codes` or the description. */
export function aadstsCode(error: ServiceStatus): string | undefined {
  const body = jsonObject(error.response.body);
  const codes = body?.error_codes;
  if (Array.isArray(codes) && (typeof codes[0] === 'number' || typeof codes[0] === 'string')) return String(codes[0]);
  return /AADSTS(\d+)/.exec(error.description)?.[1];
}
