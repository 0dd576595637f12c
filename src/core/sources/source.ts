/** What every identity-token source shares: its types, the context it runs in, and the shape of its entry in the source table. */
import type { AccessToken, EndpointContext } from '../net/token-endpoint.js';
import type { PlatformIdentity } from '../platform.js';
import type { SourceInputName, SourceInputs, SourceKind } from './inputs.js';
import type { TestSettings } from '../test-settings.js';

export interface SourceContext extends EndpointContext {
  env: NodeJS.ProcessEnv;
  /** What the platform offers (empty for the command-line tool). */
  platform?: PlatformIdentity;
}

/** An identity token as a source returns it (masked already), with its expiry when known. */
export type IdentityToken = AccessToken;

/** A source that asks Azure for a token for a resource (azure-audience). */
export interface TokenSource {
  /** Short name for logs, e.g. "IMDS". */
  readonly name: string;
  /** Where it asks, for logs and for a timeout's message (never carries a secret). */
  readonly endpoint: string;
  getToken(resource: string, context: SourceContext): Promise<IdentityToken>;
}

/** A source chosen for this job: asks once per call, with everything it needs bound in. */
export interface IdentitySource {
  readonly kind: SourceKind;
  /** Short name for logs, e.g. "App Service / Container Apps identity endpoint". */
  readonly name: string;
  /** Where it asks (a URL or a file path), for logs and a timeout's message; never a secret. */
  readonly endpoint: string;
  /** What it returns, for messages: "Azure token", "GitHub OIDC token", … */
  readonly tokenName: string;
  /** The `resource` an Azure source asks for (azure-audience). */
  readonly resource?: string;
  getToken(context: SourceContext): Promise<IdentityToken>;
}

/** Everything source selection reads, decided before any request. */
export interface SelectionRequest {
  inputs: SourceInputs;
  env: NodeJS.ProcessEnv;
  platform?: PlatformIdentity;
  /** An input as the user writes it on this platform. */
  label: (name: SourceInputName) => string;
  /** The project's test settings (none in a real run). */
  test: TestSettings;
  /** Whether a file exists (the Arc agent's); injectable for tests. */
  exists?: (file: string) => boolean;
}

/** Whether a source is available to this job: how it was found and how to build it, or why not. */
export type Detection =
  | { found: true; how: string; build: () => IdentitySource }
  /** `why` completes "identity-source is <kind>, but …"; `required` names an input it cannot do without. */
  | { found: false; why: string; required?: { input: SourceInputName; message: string } };

/** The claims the setup doctor's advice reads. */
export interface PresentedClaims {
  iss: string;
  sub: string;
  aud: string;
}

/** What a source's advice may use besides the claims. */
export interface AdviceContext {
  /** An input as the user writes it on this platform. */
  label: (name: SourceInputName) => string;
  /** Where to create the identity (the parent of the one the job named), when known. */
  parent?: string;
}

/**
 * One identity source, as the source table lists it: everything selection (explicit and auto),
 * the "looked for" message, the setup doctor and the credential helper's refresh need to know.
 */
export interface SourceDefinition {
  kind: SourceKind;
  /** Asks Azure for a token for azure-audience (needs it, accepts the managed-identity selectors). */
  azure: boolean;
  /** Its name in the "looked for" message and the Azure sources' list, e.g. "App Service / Container Apps". */
  title: string;
  /** Whether it is available, and why: `explicit` when identity-source names it (some sources are then tried without being detected). */
  detect(request: SelectionRequest, explicit: boolean): Detection;
  /** Which managed-identity selectors it accepts (Azure sources): any, or the client ID only; why not, otherwise. */
  selectors?: 'any' | 'client-id' | { refused: string };
  /** Why an input it does not read cannot be used with it, where the general reason does not fit. */
  refusals?: Partial<Record<SourceInputName, string>>;
  /** Its line in the "looked for" message when auto finds no source (non-Azure sources). */
  lookedFor?(request: SelectionRequest): string;
  /** The setup doctor: the identity name it suggests, and advice on the claims of the token it presented. */
  doctorName: string;
  advice(claims: PresentedClaims, context: AdviceContext): string[];
  /** The variables it reads that carry no secret (the credential helper keeps them as the step saw them). */
  environment: readonly string[];
  /** The variables it reads that are secrets (the credential helper reads them from its own environment). */
  secretEnvironment?: readonly string[];
}
