/**
 * Reads and validates every input before any request is sent. Each refusal names the input as
 * the user writes it on their platform.
 */
import path from 'node:path';
import { InputError } from './errors.js';
import { parseAcrLoginServers } from './exchange/acr.js';
import { isLoopback, testLoopbackEndpoints } from './loopback.js';
import { SOURCE_CHOICES, type IdentitySelector, type SourceChoice } from './sources/source.js';

/** The canonical input names (GitHub's spelling; Azure uses camelCase, the CLI `--name`). */
export const INPUT_NAMES = [
  'identity',
  'azure-audience',
  'managed-identity-client-id',
  'managed-identity-object-id',
  'managed-identity-resource-id',
  'registry',
  'audience',
  'issuer',
  'docker-login',
  'docker-config',
  'logout',
  'timeout',
  'identity-source',
  'identity-token-file',
  'oidc-audience',
  'azure-devops-service-connection',
  'diagnose',
  'credential-helper',
  'acr-registries',
  'api-token'
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

export const SELECTOR_INPUTS = [
  'managed-identity-client-id',
  'managed-identity-object-id',
  'managed-identity-resource-id'
] as const satisfies readonly InputName[];

export const DEFAULT_REGISTRY = 'cgr.dev';
export const DEFAULT_ISSUER = 'https://issuer.enforce.dev';
export const DEFAULT_TIMEOUT_SECONDS = 120;
export const DEFAULT_OIDC_AUDIENCE = 'issuer.enforce.dev';
/** The audience of a Chainguard API token. */
export const API_AUDIENCE = 'https://console-api.enforce.dev';

export interface LoginInputs {
  /** The identity to assume; empty only with `diagnose`. */
  identity: string;
  /** The `resource` asked of an Azure identity source (`/.default` removed); undefined when not set. */
  azureResource?: string;
  selector?: IdentitySelector;
  /** `host` or `host:port`. */
  registry: string;
  audience: string;
  /** STS base URL without a trailing slash. */
  issuer: string;
  dockerLogin: boolean;
  /** An explicit docker config directory (absolute), or undefined for a job-scoped one. */
  dockerConfig?: string;
  logout: boolean;
  timeoutSeconds: number;
  /** `auto`, or the one source to ask. */
  identitySource: SourceChoice;
  /** An OIDC token file (absolute path). */
  identityTokenFile?: string;
  /** The audience asked of GitHub's OIDC provider, when given (else DEFAULT_OIDC_AUDIENCE). */
  oidcAudience?: string;
  /** The Azure DevOps service connection (its ID) whose OIDC token to ask for. */
  azureDevOpsServiceConnection?: string;
  /** Get the identity token, show its claims and how to trust it, and stop before the exchange. */
  diagnose: boolean;
  /** Log in through the refreshing docker credential helper (else static auth). */
  credentialHelper: boolean;
  /** Azure Container Registry login servers to log in to with the same Azure identity. */
  acrRegistries: string[];
  /** Also get a Chainguard API token (audience API_AUDIENCE). */
  apiToken: boolean;
}

/** How a front end supplies inputs and spells their names. */
export interface InputReader {
  /** The raw value ('' when unset). */
  get(name: InputName): string;
  /** The input's name as the user writes it on this platform. */
  label(name: InputName): string;
}

const UIDP = /^[0-9a-f]{40}(\/[0-9a-f]{16})+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resourcegroups\/[-\w.()]{1,90}\/providers\/microsoft\.managedidentity\/userassignedidentities\/[-\w]{3,128}$/i;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const MAX_LENGTH = 2048;
/** Runner and agent commands begin with these; no input value ever needs one. */
const RUNNER_COMMAND = /##(vso)?\[/i;
/** Inputs that hold a URI or an audience: `#`, `[` and `]` never belong in them. */
export const URI_INPUTS: ReadonlySet<InputName> = new Set<InputName>(['azure-audience', 'audience', 'issuer', 'oidc-audience']);

/**
 * Whether a URI or audience holds `#`, `[` or `]`, which none ever needs (a fragment, or a
 * bracket that could open a runner command). A bracketed IPv6 host right after the scheme is
 * the one exception, for an issuer on loopback such as http://[::1]:8080.
 */
export function hasUriForbiddenCharacter(value: string): boolean {
  return /[#[\]]/.test(value.replace(/^([a-z][a-z0-9+.-]*:\/\/)\[[0-9a-f:.]+\]/i, '$1'));
}

export { isLoopback } from './loopback.js';

/**
 * Reads every input; throws InputError naming the first one that is wrong. `env` is read only for
 * the test-only setting that admits loopback ACR login servers.
 */
export function readInputs(reader: InputReader, cwd: string = process.cwd(), env: NodeJS.ProcessEnv = {}): LoginInputs {
  const value = (name: InputName): string => {
    const raw = reader.get(name) ?? '';
    const trimmed = raw.trim();
    if (CONTROL.test(trimmed)) {
      throw new InputError(name, `Input ${reader.label(name)} contains a control character or line break; give a single plain value.`);
    }
    if (RUNNER_COMMAND.test(trimmed)) {
      throw new InputError(
        name,
        `Input ${reader.label(name)} contains a runner or agent command marker ("##" and "["), which no value needs; give the plain value.`
      );
    }
    if (URI_INPUTS.has(name) && hasUriForbiddenCharacter(trimmed)) {
      throw new InputError(
        name,
        `Input ${reader.label(name)} contains "#", "[" or "]", which an audience or URL never needs here; remove them.`
      );
    }
    if (trimmed.length > MAX_LENGTH) {
      throw new InputError(name, `Input ${reader.label(name)} is ${trimmed.length} characters long; at most ${MAX_LENGTH} are accepted.`);
    }
    return trimmed;
  };
  const fail = (name: InputName, message: string): never => {
    throw new InputError(name, `Input ${reader.label(name)} ${message}`);
  };

  const diagnose = readBoolean('diagnose', value('diagnose'), false, reader);
  const identity = value('identity');
  if (!identity && !diagnose)
    fail('identity', 'is required: the UIDP of the Chainguard assumable identity to assume (chainctl iam identities list).');
  if (identity && !UIDP.test(identity)) {
    fail(
      'identity',
      `is not an assumable identity's UIDP ("${shown(identity)}"): expected 40 hex digits, then one or more "/" and 16 hex digits, in lower case.`
    );
  }

  // Required only by the Azure sources, which the source selection checks.
  const azureResource = value('azure-audience').replace(/\/\.default$/, '') || undefined;
  if (azureResource && !GUID.test(azureResource) && !isAbsoluteUri(azureResource)) {
    fail(
      'azure-audience',
      `must be an Application ID URI such as api://<app-client-id> or a client ID (a GUID), not "${shown(azureResource)}".`
    );
  }

  const selectors = SELECTOR_INPUTS.map((name) => ({ name, value: value(name) })).filter((s) => s.value);
  if (selectors.length > 1) {
    const names = selectors.map((s) => reader.label(s.name)).join(' and ');
    throw new InputError(selectors[1].name, `Inputs ${names} are both set: choose the user-assigned identity with exactly one of them.`);
  }
  let selector: IdentitySelector | undefined;
  if (selectors.length === 1) {
    const { name, value: v } = selectors[0];
    const label = reader.label(name);
    if (name === 'managed-identity-resource-id') {
      if (!RESOURCE_ID.test(v)) {
        fail(
          name,
          `must be the ARM resource ID of a user-assigned identity, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>, not "${shown(v)}".`
        );
      }
      selector = { kind: 'resource-id', value: v, inputLabel: label };
    } else {
      if (!GUID.test(v)) fail(name, `must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${shown(v)}".`);
      selector = { kind: name === 'managed-identity-client-id' ? 'client-id' : 'object-id', value: v.toLowerCase(), inputLabel: label };
    }
  }

  const registry = value('registry') || DEFAULT_REGISTRY;
  const registryProblem = checkRegistry(registry);
  if (registryProblem)
    fail('registry', `${registryProblem} ("${shown(registry)}"); give a host name such as cgr.dev, optionally with :port.`);

  const audience = value('audience') || registry;
  if (/\s/.test(audience)) fail('audience', `must not contain spaces ("${shown(audience)}").`);

  const issuer = checkIssuer(value('issuer') || DEFAULT_ISSUER, (message) => fail('issuer', message));
  const dockerLogin = readBoolean('docker-login', value('docker-login'), true, reader);
  const logout = readBoolean('logout', value('logout'), true, reader);

  const dockerConfigRaw = value('docker-config');
  const dockerConfig = dockerConfigRaw ? path.resolve(cwd, expandHome(dockerConfigRaw)) : undefined;

  const timeoutRaw = value('timeout');
  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  if (timeoutRaw) {
    timeoutSeconds = Number(timeoutRaw);
    if (!/^\d+(\.\d+)?$/.test(timeoutRaw) || !(timeoutSeconds > 0) || timeoutSeconds > 3600) {
      fail('timeout', `must be a number of seconds between 1 and 3600, not "${shown(timeoutRaw)}".`);
    }
  }

  const sourceRaw = value('identity-source').toLowerCase() || 'auto';
  if (!(SOURCE_CHOICES as readonly string[]).includes(sourceRaw)) {
    fail('identity-source', `must be one of ${SOURCE_CHOICES.join(', ')}, not "${shown(sourceRaw)}".`);
  }
  const identitySource = sourceRaw as SourceChoice;

  const tokenFileRaw = value('identity-token-file');
  const identityTokenFile = tokenFileRaw ? path.resolve(cwd, expandHome(tokenFileRaw)) : undefined;

  const oidcAudience = value('oidc-audience') || undefined;
  if (oidcAudience && /\s/.test(oidcAudience)) fail('oidc-audience', `must not contain spaces ("${shown(oidcAudience)}").`);

  const azureDevOpsServiceConnection = value('azure-devops-service-connection').toLowerCase() || undefined;
  if (azureDevOpsServiceConnection && !GUID.test(azureDevOpsServiceConnection)) {
    fail(
      'azure-devops-service-connection',
      `must be the service connection's ID (a GUID, shown in its URL as resourceId), not "${shown(azureDevOpsServiceConnection)}".`
    );
  }

  const credentialHelper = readBoolean('credential-helper', value('credential-helper'), true, reader);
  const apiToken = readBoolean('api-token', value('api-token'), false, reader);
  // A list: one server a line is allowed, as YAML block scalars give it.
  const acrRaw = reader.get('acr-registries') ?? '';
  if (
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/.test(acrRaw) ||
    RUNNER_COMMAND.test(acrRaw) ||
    acrRaw.length > MAX_LENGTH * 8
  ) {
    fail('acr-registries', 'must be login servers separated by commas, spaces or new lines, such as myregistry.azurecr.io.');
  }
  const acrRegistries = parseAcrLoginServers(acrRaw, reader.label('acr-registries'), testLoopbackEndpoints(env));

  return {
    identity,
    azureResource,
    selector,
    registry,
    audience,
    issuer,
    dockerLogin,
    dockerConfig,
    logout,
    timeoutSeconds,
    identitySource,
    identityTokenFile,
    oidcAudience,
    azureDevOpsServiceConnection,
    diagnose,
    credentialHelper,
    acrRegistries,
    apiToken
  };
}

function readBoolean(name: InputName, raw: string, fallback: boolean, reader: InputReader): boolean {
  if (!raw) return fallback;
  if (/^true$/i.test(raw)) return true;
  if (/^false$/i.test(raw)) return false;
  throw new InputError(name, `Input ${reader.label(name)} must be true or false, not "${shown(raw)}".`);
}

/** Why `registry` is not `host` or `host:port`, or undefined when it is. */
export function checkRegistry(registry: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(registry)) return 'must not include a scheme';
  if (registry.includes('/')) return 'must not include a path';
  const match = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d{1,5}))?$/i.exec(registry);
  if (!match) return 'is not a host name';
  const [, host, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return 'has a port outside 1-65535';
  if (host.startsWith('[')) return undefined;
  if (host.length > 253 || !host.split('.').every((label) => HOST_LABEL.test(label))) return 'is not a host name';
  return undefined;
}

function checkIssuer(raw: string, fail: (message: string) => never): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(`must be an https URL such as ${DEFAULT_ISSUER}, not "${shown(raw)}".`);
  }
  if (url.username || url.password) fail('must not carry credentials.');
  if (url.search || url.hash) fail('must not have a query or fragment.');
  if (url.protocol === 'http:') {
    if (!isLoopback(url.hostname)) fail(`must use https; plain http is accepted only for loopback addresses, not "${shown(raw)}".`);
  } else if (url.protocol !== 'https:') {
    fail(`must be an https URL, not "${shown(raw)}".`);
  }
  return url.href.replace(/\/+$/, '');
}

function isAbsoluteUri(value: string): boolean {
  if (/\s/.test(value) || !/^[a-z][a-z0-9+.-]*:\/\/./i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function expandHome(p: string): string {
  if (p === '~' || p.startsWith('~/')) return path.join(process.env.HOME ?? '', p.slice(1));
  return p;
}

/** A value as shown in a message: clipped, so a pasted token or a huge value stays out of logs. */
function shown(value: string): string {
  if (/^eyJ/.test(value)) return '(a value that looks like a token, not shown)';
  return value.length > 80 ? `${value.slice(0, 40)}…` : value;
}
