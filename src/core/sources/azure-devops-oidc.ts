/**
 * Azure Pipelines' own OIDC token: `POST $(System.OidcRequestUri)?api-version=7.1` with the job's
 * access token (`System.AccessToken`) answers `{"oidcToken": …}`. Without a service connection the
 * token is the pipeline's (`sub p://<org>/<project>/<pipeline>`); with `serviceConnectionId` it is
 * that connection's (`sub sc://<org>/<project>/<connection>`). Issuer
 * `https://vstoken.dev.azure.com/<org-id>`, audience always `api://AzureADTokenExchange`. Works on
 * Microsoft-hosted agents too.
 */
import { LoginError } from '../errors.js';
import { jsonObject } from '../json.js';
import { decodeClaims, expiryOf } from '../jwt.js';
import type { HttpResponse } from '../net/http.js';
import { maskLongValues, type ServiceStatus } from '../net/token-endpoint.js';
import { endpointFromEnvironment, isLoopback, routeOf } from '../net/url.js';
import { LOOPBACK_FOR_TESTS_ONLY } from '../test-settings.js';
import { TokenEndpointSource, TOKEN_SERVICE_RETRIES, tokenRequest } from './azure-endpoint.js';
import type { AdviceContext, IdentitySource, IdentityToken, SourceContext, SourceDefinition } from './source.js';
import type { PlatformIdentity } from '../platform.js';

const API_VERSION = '7.1';
export const AZURE_DEVOPS_AUDIENCE = 'api://AzureADTokenExchange';
const LIMITS = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBodyBytes: 256 * 1024 };
const VARIABLE = 'System.OidcRequestUri';
/** Azure DevOps Services: the only hosts the job's access token is sent to. */
const AZURE_DEVOPS_HOST = /^(dev\.azure\.com|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.visualstudio\.com)$/i;

/** `System.OidcRequestUri`, from the task library or the environment, or undefined. */
export function oidcRequestUri(env: NodeJS.ProcessEnv, platform: PlatformIdentity | undefined): string | undefined {
  const value = platform?.variable?.('System.OidcRequestUri') ?? env.SYSTEM_OIDCREQUESTURI;
  return value?.trim() || undefined;
}

export interface ServiceConnection {
  id: string;
  /** The input that named it, for messages. */
  inputLabel: string;
}

export class AzureDevOpsOidcSource extends TokenEndpointSource implements IdentitySource {
  readonly kind = 'azure-devops' as const;
  readonly name = "Azure DevOps' OIDC endpoint";
  readonly tokenName = 'Azure DevOps OIDC token';
  readonly endpoint: string;
  protected readonly label = 'Azure DevOps OIDC endpoint';
  protected readonly rules = TOKEN_SERVICE_RETRIES;
  private readonly url: URL;
  /** The job's access token, read (and masked) when the token is asked for. */
  private accessToken = '';

  /**
   * Takes the request URI only on an Azure DevOps Services host (https), since the job's access
   * token goes with the request; on loopback (the project's emulators) only when `testLoopback`
   * (the test-only setting) allows it.
   */
  constructor(
    requestUri: string,
    private readonly serviceConnection?: ServiceConnection,
    testLoopback = false
  ) {
    super();
    this.url = endpointFromEnvironment(requestUri, VARIABLE);
    if (isLoopback(this.url.hostname)) {
      if (!testLoopback)
        throw new LoginError(
          `${VARIABLE} (${this.url.origin}) is a loopback address, ${LOOPBACK_FOR_TESTS_ONLY}. Check what sets it in this job.`
        );
    } else if (this.url.protocol !== 'https:' || !AZURE_DEVOPS_HOST.test(this.url.hostname)) {
      throw new LoginError(
        `${VARIABLE} (${this.url.origin}) is not an Azure DevOps Services address (dev.azure.com or *.visualstudio.com), and the ` +
          `job's access token would be sent there. Check what sets ${VARIABLE} (SYSTEM_OIDCREQUESTURI) in this job.`
      );
    }
    this.endpoint = `${this.url.origin}${this.url.pathname}`;
  }

  async getToken(context: SourceContext): Promise<IdentityToken> {
    this.accessToken = this.readAccessToken(context);
    const response = await this.request('', context);
    const body = jsonObject(response.body);
    const token = body?.oidcToken;
    if (typeof token !== 'string' || !token) {
      maskLongValues(body, context);
      const what = body ? 'JSON without an oidcToken' : 'not JSON (a sign-in page, when the access token is not accepted)';
      throw new LoginError(`${this.call()}: it answered 200 with a body that is ${what}. ${ACCESS_TOKEN_ADVICE}`);
    }
    context.mask(token);
    return { token, expiresAt: expiryOf(decodeClaims(token)) };
  }

  protected describe(): string {
    const whose = this.serviceConnection ? `service connection ${this.serviceConnection.id}` : 'this pipeline';
    return `Asking ${this.endpoint} for the OIDC token of ${whose}`;
  }

  protected attempt(_resource: string, context: SourceContext): Promise<HttpResponse> {
    const url = new URL(this.url);
    url.searchParams.set('api-version', API_VERSION);
    if (this.serviceConnection) url.searchParams.set('serviceConnectionId', this.serviceConnection.id);
    const headers = {
      Authorization: `Bearer ${this.accessToken}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      // Without it a refused token gets a sign-in page instead of a 401.
      'X-TFS-FedAuthRedirect': 'Suppress'
    };
    return tokenRequest(context, { url, method: 'POST', headers, body: '', secrets: [this.accessToken], route: routeOf(url) }, LIMITS);
  }

  /** The job's access token: from the task library, else (the command-line tool) SYSTEM_ACCESSTOKEN. */
  private readAccessToken(context: SourceContext): string {
    const offered = context.platform?.azureDevOpsAccessToken;
    const token = (offered ? offered() : context.env.SYSTEM_ACCESSTOKEN)?.trim();
    if (!token) {
      throw new LoginError(
        `${this.call()}: the job has no access token (System.AccessToken). The task reads it through the SystemVssConnection ` +
          'endpoint; a script step running the command-line tool must map it: env: SYSTEM_ACCESSTOKEN: $(System.AccessToken).'
      );
    }
    context.mask(token);
    return token;
  }

  protected override call(): string {
    return `Could not get the Azure DevOps OIDC token from ${this.endpoint}`;
  }

  protected absent(): string {
    return "Check the agent's network and proxy settings.";
  }

  protected refusal(error: ServiceStatus): LoginError {
    const call = this.call();
    const status = error.response.status;
    if (status === 401 || status === 203 || (status >= 300 && status < 400)) {
      return new LoginError(`${call}: ${error.summary}. ${ACCESS_TOKEN_ADVICE}`);
    }
    if ((status === 400 || status === 403 || status === 404) && this.serviceConnection) {
      const { id, inputLabel } = this.serviceConnection;
      return new LoginError(
        `${call}: ${error.summary}. The service connection ${id} (${inputLabel}) does not exist in this project, this ` +
          'pipeline is not authorized to use it, or it does not use workload identity federation: check the connection and ' +
          "its pipeline permissions, or leave the input empty to use the pipeline's own token."
      );
    }
    if (status === 403) {
      return new LoginError(
        `${call}: ${error.summary}. The job's access token may not ask for OIDC tokens; check the project's pipeline settings (job authorization scope).`
      );
    }
    return this.keptFailing(error, 'Azure DevOps') ?? new LoginError(`${call}: ${error.summary}.`);
  }
}

const ACCESS_TOKEN_ADVICE =
  "Azure DevOps did not accept the job's access token (System.AccessToken): it is valid only while the job runs, and a " +
  'copied or overridden SYSTEM_ACCESSTOKEN does not work; run the step as a task of the job.';

/** The setup doctor's advice on an Azure DevOps OIDC token's claims. */
function azureDevOpsAdvice(_claims: unknown, { label }: AdviceContext): string[] {
  return [
    `Without ${label('azure-devops-service-connection')} the subject names this pipeline (p://<org>/<project>/<pipeline>); with it, ` +
      'the service connection (sc://<org>/<project>/<connection>). The audience is always api://AzureADTokenExchange.'
  ];
}

/** The source table's entry: under auto, chosen when the job can ask Azure DevOps for a token and azure-audience is not set. */
export const azureDevOpsOidcSource: SourceDefinition = {
  kind: 'azure-devops',
  azure: false,
  title: "Azure DevOps' OIDC token",
  detect(request) {
    const uri = oidcRequestUri(request.env, request.platform);
    if (!uri) {
      return {
        found: false,
        why: 'System.OidcRequestUri is not set: this is not an Azure Pipelines job, or its agent is too old to offer OIDC tokens (update the agent).'
      };
    }
    const id = request.inputs.azureDevOpsServiceConnection;
    const connection = id ? { id, inputLabel: request.label('azure-devops-service-connection') } : undefined;
    return {
      found: true,
      how: `System.OidcRequestUri is set and ${request.label('azure-audience')} is not`,
      build: () => new AzureDevOpsOidcSource(uri, connection, request.test.loopbackEndpoints)
    };
  },
  refusals: { 'oidc-audience': `Azure DevOps OIDC tokens always carry the audience ${AZURE_DEVOPS_AUDIENCE}.` },
  lookedFor: () => "- Azure DevOps' OIDC token: System.OidcRequestUri is not set (not an Azure Pipelines job).",
  doctorName: 'azure-pipelines',
  advice: azureDevOpsAdvice,
  environment: ['SYSTEM_OIDCREQUESTURI'],
  secretEnvironment: ['SYSTEM_ACCESSTOKEN']
};
