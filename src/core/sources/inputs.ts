/** The inputs the identity sources read, as the input table and the source table both speak of them. */

/** The `identity-source` values: `auto`, or one source. */
export const SOURCE_CHOICES = ['auto', 'imds', 'app-service', 'arc', 'workload-identity', 'token-file', 'github', 'azure-devops'] as const;
export type SourceChoice = (typeof SOURCE_CHOICES)[number];
export type SourceKind = Exclude<SourceChoice, 'auto'>;

/** A user-assigned managed identity, chosen by exactly one of three inputs. */
export interface IdentitySelector {
  kind: 'client-id' | 'object-id' | 'resource-id';
  value: string;
  /** The input as the user writes it on this platform, for messages. */
  inputLabel: string;
}

/** The inputs the identity sources read: what source selection needs, and what the credential helper keeps. */
export interface SourceInputs {
  /** `auto`, or the one source to ask. */
  identitySource: SourceChoice;
  /** The `resource` asked of an Azure source (azure-audience, `/.default` removed). */
  azureResource?: string;
  selector?: IdentitySelector;
  /** An OIDC token file (absolute path). */
  identityTokenFile?: string;
  /** The audience asked of GitHub's OIDC provider, when given. */
  oidcAudience?: string;
  /** The Azure DevOps service connection (its ID) whose OIDC token to ask for. */
  azureDevOpsServiceConnection?: string;
}

/** The inputs whose names a source's refusals and messages use. */
export type SourceInputName =
  | 'identity'
  | 'identity-source'
  | 'azure-audience'
  | 'managed-identity-client-id'
  | 'managed-identity-object-id'
  | 'managed-identity-resource-id'
  | 'identity-token-file'
  | 'oidc-audience'
  | 'azure-devops-service-connection';
