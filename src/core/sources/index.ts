/**
 * Chooses the identity-token source for this job: the one `identity-source` names, or under
 * `auto`, in this order — a token file if given; else, when `azure-audience` is set, workload
 * identity, App Service / Container Apps, Azure Arc, then IMDS; else the platform's own OIDC
 * token when the job has one. Everything is decided from the inputs and the environment, before
 * any request; an input the chosen source would ignore is refused, so that a job never logs in
 * as something other than what it configured.
 */
import { InputError, LoginError } from '../errors.js';
import { DEFAULT_OIDC_AUDIENCE, SELECTOR_INPUTS, type InputName, type LoginInputs } from '../inputs.js';
import { testLoopbackEndpoints } from '../loopback.js';
import { AppServiceSource } from './app-service.js';
import { ARC_DEFAULT_ENDPOINT, ArcSource } from './arc.js';
import { AzureDevOpsOidcSource, AZURE_DEVOPS_AUDIENCE, oidcRequestUri } from './azure-devops-oidc.js';
import { githubOidcAvailable, GithubOidcSource, MISSING_PERMISSION } from './github-oidc.js';
import { ImdsSource } from './imds.js';
import {
  AZURE_SOURCES,
  type IdentitySource,
  type PlatformIdentity,
  type SourceContext,
  type SourceKind,
  type TokenSource
} from './source.js';
import { TokenFileSource } from './token-file.js';
import { WorkloadIdentitySource } from './workload-identity.js';

export interface SelectionRequest {
  inputs: LoginInputs;
  env: NodeJS.ProcessEnv;
  platform?: PlatformIdentity;
  /** An input as the user writes it on this platform. */
  label: (name: InputName) => string;
  /** Whether a file exists (the Arc agent's); injectable for tests. */
  exists?: (file: string) => boolean;
}

export interface Selection {
  source: IdentitySource;
  /** Why this source, for the log: "identity-source: arc" or "auto: IDENTITY_ENDPOINT and … are set". */
  reason: string;
}

const AZURE_SOURCE_NAMES = 'workload identity, App Service / Container Apps, Azure Arc, IMDS';

/** Picks the source, or throws an InputError / LoginError naming what to set. */
export function selectSource(request: SelectionRequest): Selection {
  const chosen = request.inputs.identitySource === 'auto' ? autoSelect(request) : explicitSelect(request);
  refuseInapplicable(chosen.source.kind, request, chosen.reason);
  return chosen;
}

function explicitSelect(request: SelectionRequest): Selection {
  const { inputs, env, label } = request;
  const kind = inputs.identitySource as SourceKind;
  const reason = `${label('identity-source')}: ${kind}`;
  const unavailable = (why: string): never => {
    throw new LoginError(`${label('identity-source')} is ${kind}, but ${why}`);
  };
  if ((AZURE_SOURCES as readonly string[]).includes(kind) && !inputs.azureResource) {
    throw new InputError(
      'azure-audience',
      `Input ${label('azure-audience')} is required with ${label('identity-source')} ${kind}: the Application ID URI of the Entra app ` +
        'the Chainguard identity trusts, e.g. api://<app-client-id>.'
    );
  }
  switch (kind) {
    case 'imds':
      return { source: azure('imds', imds(request), inputs), reason };
    case 'app-service': {
      const found = AppServiceSource.detect(env);
      if (!found) {
        return unavailable(
          'IDENTITY_ENDPOINT and IDENTITY_HEADER are not both set: this job does not run in App Service, Functions or ' +
            'Container Apps with a managed identity. Enable a managed identity on the app or Container Apps job, or choose another source.'
        );
      }
      return { source: azure('app-service', new AppServiceSource(found, inputs.selector), inputs), reason };
    }
    case 'arc': {
      const found = ArcSource.detect(env, request.exists) ?? { endpoint: env.IDENTITY_ENDPOINT?.trim() || ARC_DEFAULT_ENDPOINT, how: '' };
      return { source: azure('arc', new ArcSource(found, env), inputs), reason };
    }
    case 'workload-identity': {
      const found = WorkloadIdentitySource.detect(env);
      if (!found) {
        const missing = ['AZURE_FEDERATED_TOKEN_FILE', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID'].filter((name) => !env[name]?.trim());
        return unavailable(
          `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: the pod is not set up for workload identity. Label it ` +
            'azure.workload.identity/use: "true" and run it under a service account annotated with azure.workload.identity/client-id.'
        );
      }
      return { source: azure('workload-identity', new WorkloadIdentitySource(found, clientIdSelector(inputs)), inputs), reason };
    }
    case 'token-file':
      if (!inputs.identityTokenFile) {
        throw new InputError(
          'identity-token-file',
          `Input ${label('identity-token-file')} is required with ${label('identity-source')} token-file: the path of the OIDC token file.`
        );
      }
      return { source: new TokenFileSource(inputs.identityTokenFile, label('identity-token-file')), reason };
    case 'github':
      if (!githubOidcAvailable(env)) return unavailable(`${MISSING_PERMISSION}.`);
      return { source: github(request), reason };
    case 'azure-devops': {
      const uri = oidcRequestUri(env, request.platform);
      if (!uri) {
        return unavailable(
          'System.OidcRequestUri is not set: this is not an Azure Pipelines job, or its agent is too old to offer OIDC tokens (update the agent).'
        );
      }
      return { source: azureDevOps(uri, request), reason };
    }
  }
}

function autoSelect(request: SelectionRequest): Selection {
  const { inputs, env, label } = request;
  const auto = (why: string) => `auto: ${why}`;
  if (inputs.identityTokenFile) {
    return {
      source: new TokenFileSource(inputs.identityTokenFile, label('identity-token-file')),
      reason: auto(`${label('identity-token-file')} is set`)
    };
  }
  if (inputs.azureResource) {
    const workload = WorkloadIdentitySource.detect(env);
    if (workload) {
      return {
        source: azure('workload-identity', new WorkloadIdentitySource(workload, clientIdSelector(inputs)), inputs),
        reason: auto('AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID and AZURE_TENANT_ID are set')
      };
    }
    const appService = AppServiceSource.detect(env);
    if (appService) {
      return {
        source: azure('app-service', new AppServiceSource(appService, inputs.selector), inputs),
        reason: auto('IDENTITY_ENDPOINT and IDENTITY_HEADER are set')
      };
    }
    const arc = ArcSource.detect(env, request.exists);
    if (arc) return { source: azure('arc', new ArcSource(arc, env), inputs), reason: auto(arc.how) };
    return {
      source: azure('imds', imds(request), inputs),
      reason: auto(`${label('azure-audience')} is set and no other Azure identity endpoint is in the environment`)
    };
  }
  if (githubOidcAvailable(env)) {
    return { source: github(request), reason: auto(`ACTIONS_ID_TOKEN_REQUEST_URL is set and ${label('azure-audience')} is not`) };
  }
  const uri = oidcRequestUri(env, request.platform);
  if (uri) return { source: azureDevOps(uri, request), reason: auto(`System.OidcRequestUri is set and ${label('azure-audience')} is not`) };

  const githubJob = env.GITHUB_ACTIONS === 'true';
  const lines = [
    `Input ${label('azure-audience')} is not set, and no other identity source is available to this job. Looked for:`,
    `- ${label('identity-token-file')}: not set;`,
    `- ${label('azure-audience')}: not set, so the Azure managed identity sources (${AZURE_SOURCE_NAMES}) were not tried;`,
    githubJob
      ? `- GitHub Actions' OIDC token: this is a GitHub Actions job, but ${MISSING_PERMISSION};`
      : "- GitHub Actions' OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set (not a GitHub Actions job);",
    "- Azure DevOps' OIDC token: System.OidcRequestUri is not set (not an Azure Pipelines job).",
    `Set ${label('azure-audience')} (e.g. api://<app-client-id>) to use the Azure managed identity of this machine, pod or app; ` +
      `${label('identity-token-file')} to present an OIDC token file (e.g. a Kubernetes projected service-account token); ` +
      `or ${label('identity-source')} to choose a source.`
  ];
  throw new InputError('azure-audience', lines.join('\n'));
}

/** Refuses inputs that the chosen source would ignore. */
function refuseInapplicable(kind: SourceKind, request: SelectionRequest, reason: string): void {
  const { inputs, label } = request;
  const chosen = `the identity source is ${kind} (${reason})`;
  const refuse = (name: InputName, why: string): never => {
    throw new InputError(
      name,
      `Input ${label(name)} cannot be used here: ${chosen}, and ${why} Remove it, or choose another ${label('identity-source')}.`
    );
  };
  const selector = inputs.selector;
  if (selector) {
    const name = SELECTOR_INPUTS.find((n) => label(n) === selector.inputLabel) ?? 'managed-identity-client-id';
    if (kind === 'arc') refuse(name, "Azure Arc offers the machine's system-assigned identity only.");
    if (kind === 'workload-identity' && selector.kind !== 'client-id') {
      refuse(
        name,
        `workload identity chooses the identity by client ID only (AZURE_CLIENT_ID, or ${label('managed-identity-client-id')}).`
      );
    }
    if (!(AZURE_SOURCES as readonly string[]).includes(kind))
      refuse(name, 'it selects an Azure managed identity, which this source does not use.');
  }
  if (inputs.azureResource && !(AZURE_SOURCES as readonly string[]).includes(kind)) {
    refuse(
      'azure-audience',
      `${kind === 'token-file' ? 'the token file is' : 'its token is'} presented to Chainguard as it is; no Azure token is asked for.`
    );
  }
  if (inputs.identityTokenFile && kind !== 'token-file') refuse('identity-token-file', 'it is read only by the token-file source.');
  if (inputs.azureDevOpsServiceConnection && kind !== 'azure-devops') {
    refuse('azure-devops-service-connection', 'it applies only to the Azure DevOps OIDC token.');
  }
  if (inputs.oidcAudience && kind !== 'github') {
    const why =
      kind === 'azure-devops'
        ? `Azure DevOps OIDC tokens always carry the audience ${AZURE_DEVOPS_AUDIENCE}.`
        : "it is the audience asked of GitHub's OIDC provider only.";
    refuse('oidc-audience', why);
  }
}

function imds(request: SelectionRequest): ImdsSource {
  return new ImdsSource(
    request.inputs.selector,
    SELECTOR_INPUTS.map((name) => request.label(name)),
    ImdsSource.baseFrom(request.env)
  );
}

function github(request: SelectionRequest): GithubOidcSource {
  return new GithubOidcSource(request.inputs.oidcAudience ?? DEFAULT_OIDC_AUDIENCE, request.env);
}

function azureDevOps(uri: string, request: SelectionRequest): AzureDevOpsOidcSource {
  const id = request.inputs.azureDevOpsServiceConnection;
  return new AzureDevOpsOidcSource(
    uri,
    id ? { id, inputLabel: request.label('azure-devops-service-connection') } : undefined,
    testLoopbackEndpoints(request.env)
  );
}

function clientIdSelector(inputs: LoginInputs) {
  return inputs.selector?.kind === 'client-id' ? inputs.selector : undefined;
}

/** An Azure source, with `azure-audience` bound in. */
function azure(kind: SourceKind, source: TokenSource, inputs: LoginInputs): IdentitySource {
  const resource = inputs.azureResource as string;
  return {
    kind,
    name: source.name,
    endpoint: source.endpoint,
    tokenName: 'Azure token',
    resource,
    getToken: (context: SourceContext) => source.getToken(resource, context)
  };
}
