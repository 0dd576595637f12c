/**
 * THE source table: every identity source, in the order `auto` tries them, and the selection
 * that reads it. Under `auto`: a token file if given; else, when azure-audience is set, the Azure
 * sources (workload identity, App Service / Container Apps, Azure Arc, then IMDS); else the
 * platform's own OIDC token when the job has one. Everything is decided from the inputs and the
 * environment, before any request; an input the chosen source would ignore is refused, so that
 * a job never logs in as something other than what it configured.
 *
 * Adding a source: its own file (the source and its SourceDefinition), one entry here, the docs.
 */
import { InputError, LoginError } from '../errors.js';
import { appServiceSource } from './app-service.js';
import { arcSource } from './arc.js';
import { azureDevOpsOidcSource } from './azure-devops-oidc.js';
import { githubOidcSource } from './github-oidc.js';
import { imdsSource } from './imds.js';
import type { IdentitySource, SelectionRequest, SourceDefinition } from './source.js';
import type { SourceInputName, SourceKind } from '../sources/inputs.js';
import { tokenFileSource } from './token-file.js';
import { workloadIdentitySource } from './workload-identity.js';

/** Every source, in the order auto tries them. */
export const SOURCES: readonly SourceDefinition[] = [
  tokenFileSource,
  workloadIdentitySource,
  appServiceSource,
  arcSource,
  imdsSource,
  githubOidcSource,
  azureDevOpsOidcSource
];

/** The source table's entry for `kind`. */
export function sourceDefinition(kind: SourceKind): SourceDefinition {
  return SOURCES.find((source) => source.kind === kind) as SourceDefinition;
}

/** Whether `kind` asks Azure for a token (and so can log in to ACR, and needs azure-audience). */
export function isAzureSource(kind: SourceKind): boolean {
  return sourceDefinition(kind).azure;
}

export interface Selection {
  source: IdentitySource;
  /** Why this source, for the log: "identity-source: arc" or "auto: IDENTITY_ENDPOINT and … are set". */
  reason: string;
}

/** Picks the source, or throws an InputError / LoginError naming what to set. */
export function selectSource(request: SelectionRequest): Selection {
  const { definition, selection } = request.inputs.identitySource === 'auto' ? autoSelect(request) : explicitSelect(request);
  refuseInapplicable(definition, request, selection.reason);
  return selection;
}

interface Chosen {
  definition: SourceDefinition;
  selection: Selection;
}

function explicitSelect(request: SelectionRequest): Chosen {
  const { inputs, label } = request;
  const definition = sourceDefinition(inputs.identitySource as SourceKind);
  const kind = definition.kind;
  if (definition.azure && !inputs.azureResource) {
    throw new InputError(
      'azure-audience',
      `Input ${label('azure-audience')} is required with ${label('identity-source')} ${kind}: the Application ID URI of the Entra app ` +
        'the Chainguard identity trusts, e.g. api://<app-client-id>.'
    );
  }
  const detection = definition.detect(request, true);
  if (!detection.found) {
    if (detection.required) throw new InputError(detection.required.input, detection.required.message);
    throw new LoginError(`${label('identity-source')} is ${kind}, but ${detection.why}`);
  }
  return { definition, selection: { source: detection.build(), reason: `${label('identity-source')}: ${kind}` } };
}

function autoSelect(request: SelectionRequest): Chosen {
  const candidates = SOURCES.filter((source) => source.azure === Boolean(request.inputs.azureResource) || source.kind === 'token-file');
  for (const definition of candidates) {
    const detection = definition.detect(request, false);
    if (detection.found) return { definition, selection: { source: detection.build(), reason: `auto: ${detection.how}` } };
  }
  throw new InputError('azure-audience', lookedFor(request));
}

/** What auto looked for when it found no source, and what to set. */
function lookedFor(request: SelectionRequest): string {
  const { label } = request;
  const azure = SOURCES.filter((source) => source.azure).map((source) => source.title);
  const others = SOURCES.filter((source) => !source.azure && source.lookedFor).map((source) =>
    (source.lookedFor as (r: SelectionRequest) => string)(request)
  );
  const lines = [
    `Input ${label('azure-audience')} is not set, and no other identity source is available to this job. Looked for:`,
    others[0],
    `- ${label('azure-audience')}: not set, so the Azure managed identity sources (${azure.join(', ')}) were not tried;`,
    ...others.slice(1),
    `Set ${label('azure-audience')} (e.g. api://<app-client-id>) to use the Azure managed identity of this machine, pod or app; ` +
      `${label('identity-token-file')} to present an OIDC token file (e.g. a Kubernetes projected service-account token); ` +
      `or ${label('identity-source')} to choose a source.`
  ];
  return lines.join('\n');
}

/** Why an input the chosen source does not read cannot be used, unless its entry says better. */
const GENERAL_REFUSALS: Partial<Record<SourceInputName, string>> = {
  'azure-audience': 'its token is presented to Chainguard as it is; no Azure token is asked for.',
  'identity-token-file': 'it is read only by the token-file source.',
  'azure-devops-service-connection': 'it applies only to the Azure DevOps OIDC token.',
  'oidc-audience': "it is the audience asked of GitHub's OIDC provider only."
};

/** The inputs that only one source reads. */
const OWNED_INPUTS: Partial<Record<SourceInputName, SourceKind>> = {
  'identity-token-file': 'token-file',
  'azure-devops-service-connection': 'azure-devops',
  'oidc-audience': 'github'
};

const SELECTOR_INPUT = {
  'client-id': 'managed-identity-client-id',
  'object-id': 'managed-identity-object-id',
  'resource-id': 'managed-identity-resource-id'
} as const;

/** Refuses inputs that the chosen source would ignore. */
function refuseInapplicable(definition: SourceDefinition, request: SelectionRequest, reason: string): void {
  const { inputs, label } = request;
  const chosen = `the identity source is ${definition.kind} (${reason})`;
  const refuse = (name: SourceInputName, why: string | undefined): never => {
    throw new InputError(
      name,
      `Input ${label(name)} cannot be used here: ${chosen}, and ${definition.refusals?.[name] ?? why} Remove it, or choose another ${label('identity-source')}.`
    );
  };
  const selector = inputs.selector;
  if (selector) {
    const name = SELECTOR_INPUT[selector.kind];
    const accepted = definition.selectors;
    if (accepted === undefined) refuse(name, 'it selects an Azure managed identity, which this source does not use.');
    else if (typeof accepted === 'object') refuse(name, accepted.refused);
    else if (accepted === 'client-id' && selector.kind !== 'client-id') {
      refuse(
        name,
        `workload identity chooses the identity by client ID only (AZURE_CLIENT_ID, or ${label('managed-identity-client-id')}).`
      );
    }
  }
  if (inputs.azureResource && !definition.azure) refuse('azure-audience', GENERAL_REFUSALS['azure-audience']);
  const given: Partial<Record<SourceInputName, unknown>> = {
    'identity-token-file': inputs.identityTokenFile,
    'azure-devops-service-connection': inputs.azureDevOpsServiceConnection,
    'oidc-audience': inputs.oidcAudience
  };
  for (const [name, owner] of Object.entries(OWNED_INPUTS) as [SourceInputName, SourceKind][]) {
    if (given[name] && owner !== definition.kind) refuse(name, GENERAL_REFUSALS[name]);
  }
}

/**
 * The variables the sources read that carry no secret (endpoints, file paths, client and tenant
 * IDs), and those that are secrets: the credential helper keeps the first as the step saw them
 * and reads the second from its own environment.
 */
export const SOURCE_ENVIRONMENT: readonly string[] = [...new Set(SOURCES.flatMap((source) => source.environment))];
export const SECRET_ENVIRONMENT: readonly string[] = [...new Set(SOURCES.flatMap((source) => source.secretEnvironment ?? []))];
