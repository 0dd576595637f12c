/**
 * AKS workload identity (and any Kubernetes cluster federated with Entra ID): the pod's projected
 * service-account token, in `AZURE_FEDERATED_TOKEN_FILE`, is presented to Entra ID as a client
 * assertion for the identity `AZURE_CLIENT_ID` in `AZURE_TENANT_ID`; the Azure token comes back.
 * The file is read again at every attempt, since the kubelet rotates it.
 */
import { LoginError } from '../errors.js';
import { GUID } from '../inputs/checks.js';
import { jsonObject } from '../json.js';
import { claimText, decodeClaims } from '../jwt.js';
import type { HttpResponse } from '../net/http.js';
import type { ServiceStatus } from '../net/token-endpoint.js';
import { endpointFromEnvironment, routeOf } from '../net/url.js';
import { isIssuerUrl, shellArg, shellWord } from '../shell.js';
import { AzureEndpointSource, azureAdvice, azureSource, TOKEN_SERVICE_RETRIES, tokenRequest } from './azure-endpoint.js';
import type { SourceContext, SourceDefinition } from './source.js';
import type { IdentitySelector } from '../sources/inputs.js';
import { checkNotExpired, readTokenFile } from './token-file.js';

export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const LIMITS = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBodyBytes: 64 * 1024 };
const TENANT = /^[a-z0-9](?:[a-z0-9.-]{0,126}[a-z0-9])?$/i;
const VARIABLES = ['AZURE_FEDERATED_TOKEN_FILE', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID'];

export interface WorkloadIdentityEnvironment {
  tokenFile: string;
  clientId: string;
  tenantId: string;
  authority: string;
}

/** All three of `AZURE_FEDERATED_TOKEN_FILE`, `AZURE_CLIENT_ID`, `AZURE_TENANT_ID`. */
export function detectWorkloadIdentity(env: NodeJS.ProcessEnv): WorkloadIdentityEnvironment | undefined {
  const tokenFile = env.AZURE_FEDERATED_TOKEN_FILE?.trim();
  const clientId = env.AZURE_CLIENT_ID?.trim();
  const tenantId = env.AZURE_TENANT_ID?.trim();
  if (!tokenFile || !clientId || !tenantId) return undefined;
  return { tokenFile, clientId, tenantId, authority: env.AZURE_AUTHORITY_HOST?.trim() || DEFAULT_AUTHORITY };
}

/** The AADSTS error number of an Entra answer, from `error_codes` or the description. */
export function aadstsCode(error: ServiceStatus): string | undefined {
  const body = jsonObject(error.response.body);
  const codes = body?.error_codes;
  if (Array.isArray(codes) && (typeof codes[0] === 'number' || typeof codes[0] === 'string')) return String(codes[0]);
  return /AADSTS(\d+)/.exec(error.description)?.[1];
}

export class WorkloadIdentitySource extends AzureEndpointSource {
  readonly name = 'Entra ID (workload identity)';
  readonly endpoint: string;
  protected readonly label = 'Entra ID';
  protected readonly rules = TOKEN_SERVICE_RETRIES;
  private readonly url: URL;
  private readonly clientId: string;
  private readonly clientIdFrom: string;
  /** The service account token presented last, for a refusal's message (its claims only). */
  private assertion = '';

  /** @param selector  a client ID chosen by managed-identity-client-id, overriding AZURE_CLIENT_ID */
  constructor(
    private readonly environment: WorkloadIdentityEnvironment,
    selector?: IdentitySelector
  ) {
    super();
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

  protected override call(): string {
    return `Could not get an Azure token from ${this.name} (${this.url.origin}${this.url.pathname})`;
  }

  protected describe(resource: string): string {
    return `Requesting an Azure token from ${this.endpoint} for ${resource} as ${this.clientId}, with the token in ${this.environment.tokenFile}`;
  }

  protected attempt(resource: string, context: SourceContext): Promise<HttpResponse> {
    // Read again at every attempt: the kubelet rotates it.
    this.assertion = readTokenFile(this.environment.tokenFile, 'AZURE_FEDERATED_TOKEN_FILE', context);
    checkNotExpired(this.assertion, this.environment.tokenFile, 'AZURE_FEDERATED_TOKEN_FILE', context.clock.now());
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.clientId,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: this.assertion,
      scope: `${resource}/.default`
    }).toString();
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
    return tokenRequest(
      context,
      { url: this.url, method: 'POST', headers, body, secrets: [this.assertion], route: routeOf(this.url) },
      LIMITS
    );
  }

  protected absent(): string {
    return 'Check AZURE_AUTHORITY_HOST and, behind a proxy, HTTPS_PROXY and NO_PROXY.';
  }

  protected elsewhere(): string {
    return 'Something other than Entra ID answered: check AZURE_AUTHORITY_HOST.';
  }

  protected refusal(error: ServiceStatus, resource: string): LoginError {
    const call = this.call();
    const code = aadstsCode(error);
    const said = `Entra ID answered ${error.response.status} ${code ? `AADSTS${code}` : error.code || ''}`.trimEnd();
    const claims = decodeClaims(this.assertion);
    const presented = `issuer "${claimText(claims, 'iss')}", subject "${claimText(claims, 'sub')}", audience "${claimText(claims, 'aud')}"`;
    if (code && /^70021\d*$/.test(code)) return this.noFederatedCredential(call, said, presented);
    const explained = this.knownCode(code, call, said, presented, resource);
    if (explained) return explained;
    return this.keptFailing(error, 'Entra ID') ?? new LoginError(`${call}: ${error.summary}.`);
  }

  /** AADSTS700213 and its kin: the fix is a federated credential matching the token, as a command to paste. */
  private noFederatedCredential(call: string, said: string, presented: string): LoginError {
    const claims = decodeClaims(this.assertion);
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

  /** The AADSTS codes with a known cause. */
  private knownCode(code: string | undefined, call: string, said: string, presented: string, resource: string): LoginError | undefined {
    switch (code) {
      case '700024':
        return new LoginError(
          `${call}: ${said}: the service account token is outside its validity period (${presented}); the kubelet refreshes it while the pod runs, so check the projected volume and this machine's clock.`
        );
      case '700016':
        return new LoginError(
          `${call}: ${said}: no application or managed identity with client ID ${this.clientId} exists in tenant ${this.environment.tenantId}. Check ${this.clientIdFrom} and AZURE_TENANT_ID.`
        );
      case '90002':
        return new LoginError(`${call}: ${said}: tenant ${this.environment.tenantId} was not found. Check AZURE_TENANT_ID.`);
      case '500011':
      case '70011':
        return new LoginError(
          `${call}: ${said}: Entra ID knows no resource "${resource}" in this tenant. Check azure-audience: it must be the Application ID URI (api://<app-client-id>) of an Entra app.`
        );
      case '50027':
      case '50013':
      case '5002738':
        return new LoginError(
          `${call}: ${said}: Entra ID could not verify the service account token (${presented}). The federated credential's ` +
            'issuer must publish its signing keys (AKS: az aks update --enable-oidc-issuer --enable-workload-identity).'
        );
      default:
        return undefined;
    }
  }
}

/** The source table's entry. */
export const workloadIdentitySource: SourceDefinition = {
  kind: 'workload-identity',
  azure: true,
  title: 'workload identity',
  detect(request) {
    const found = detectWorkloadIdentity(request.env);
    if (!found) {
      const missing = VARIABLES.filter((name) => !request.env[name]?.trim());
      return {
        found: false,
        why:
          `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: the pod is not set up for workload identity. Label it ` +
          'azure.workload.identity/use: "true" and run it under a service account annotated with azure.workload.identity/client-id.'
      };
    }
    const selector = request.inputs.selector?.kind === 'client-id' ? request.inputs.selector : undefined;
    return {
      found: true,
      how: 'AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID and AZURE_TENANT_ID are set',
      build: () => azureSource('workload-identity', new WorkloadIdentitySource(found, selector), request.inputs.azureResource as string)
    };
  },
  selectors: 'client-id',
  doctorName: 'aks-workload-identity',
  advice: azureAdvice,
  environment: ['AZURE_FEDERATED_TOKEN_FILE', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_AUTHORITY_HOST']
};
