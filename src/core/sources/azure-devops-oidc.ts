/**
 * Azure Pipelines' own OIDC token: `POST $(System.OidcRequestUri)?api-version=7.1` with the job's
 * access token (`System.AccessToken`) answers `{"oidcToken": …}`. Without a service connection the
 * token is the pipeline's (`sub p://<org>/<project>/<pipeline>`); with `serviceConnectionId` it is
 * that connection's (`sub sc://<org>/<project>/<connection>`). Issuer
 * `https://vstoken.dev.azure.com/<org-id>`, audience always `api://AzureADTokenExchange`. Works on
 * Microsoft-hosted agents too.
 */
import { LoginError } from '../errors.js';
import { HttpFailure, jsonObject, type HttpResponse } from '../http.js';
import { decodeClaims, expiryOf } from '../jwt.js';
import { isLoopback, LOOPBACK_FOR_TESTS_ONLY } from '../loopback.js';
import {
  abortedAs,
  endpointFromEnvironment,
  expectStatus,
  explainNetworkFailure,
  maskLongValues,
  routeFor,
  ServiceStatus,
  TOKEN_SERVICE_RETRIES,
  withRetries
} from './http-source.js';
import type { IdentitySource, IdentityToken, PlatformIdentity, SourceContext } from './source.js';

const API_VERSION = '7.1';
export const AZURE_DEVOPS_AUDIENCE = 'api://AzureADTokenExchange';
const CONNECT_TIMEOUT_MS = 10_000;
const ATTEMPT_TIMEOUT_MS = 30_000;
const MAX_BODY_BYTES = 256 * 1024;
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

export class AzureDevOpsOidcSource implements IdentitySource {
  readonly kind = 'azure-devops' as const;
  readonly name = "Azure DevOps' OIDC endpoint";
  readonly tokenName = 'Azure DevOps OIDC token';
  readonly endpoint: string;
  private readonly url: URL;

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
    const accessToken = this.accessToken(context);
    const url = new URL(this.url);
    url.searchParams.set('api-version', API_VERSION);
    if (this.serviceConnection) url.searchParams.set('serviceConnectionId', this.serviceConnection.id);
    const whose = this.serviceConnection ? `service connection ${this.serviceConnection.id}` : 'this pipeline';
    context.debug(`Asking ${this.endpoint} for the OIDC token of ${whose}`);

    let response: HttpResponse;
    try {
      response = await withRetries(TOKEN_SERVICE_RETRIES, 'Azure DevOps OIDC endpoint', context, async () => {
        const answer = await context.send({
          url,
          method: 'POST',
          headers: {
            Authorization: `Bearer ${accessToken}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
            // Without it a refused token gets a sign-in page instead of a 401.
            'X-TFS-FedAuthRedirect': 'Suppress'
          },
          body: '',
          secrets: [accessToken],
          route: routeFor(url),
          connectTimeoutMs: CONNECT_TIMEOUT_MS,
          timeoutMs: ATTEMPT_TIMEOUT_MS,
          maxBodyBytes: MAX_BODY_BYTES,
          signal: context.signal
        });
        return expectStatus(answer);
      });
    } catch (error) {
      throw abortedAs(error, context) ?? this.explain(error);
    }

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

  /** The job's access token: from the task library, else (the command-line tool) SYSTEM_ACCESSTOKEN. */
  private accessToken(context: SourceContext): string {
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

  private call(): string {
    return `Could not get the Azure DevOps OIDC token from ${this.endpoint}`;
  }

  private explain(error: unknown): Error {
    const call = this.call();
    if (error instanceof HttpFailure) {
      return explainNetworkFailure(call, error, "Check the agent's network and proxy settings.");
    }
    if (!(error instanceof ServiceStatus)) return error instanceof Error ? error : new Error(String(error));
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
    if (TOKEN_SERVICE_RETRIES.statuses.includes(status)) {
      return new LoginError(
        `${call}: Azure DevOps kept failing (last answer ${error.summary}) after ${TOKEN_SERVICE_RETRIES.retries + 1} attempts. Try again shortly.`
      );
    }
    return new LoginError(`${call}: ${error.summary}.`);
  }
}

const ACCESS_TOKEN_ADVICE =
  "Azure DevOps did not accept the job's access token (System.AccessToken): it is valid only while the job runs, and a " +
  'copied or overridden SYSTEM_ACCESSTOKEN does not work; run the step as a task of the job.';
