/**
 * Reads and validates every input before any request is sent, with the parsers of the input
 * table. Each refusal names the input as the user writes it on their platform.
 */
import os from 'node:os';
import { InputError } from '../errors.js';
import type { InputReader } from '../platform.js';
import type { IdentitySelector, SourceChoice, SourceInputs } from '../sources/inputs.js';
import { NO_TEST_SETTINGS, type TestSettings } from '../test-settings.js';
import { CONTROL, CONTROL_IN_LIST, hasUriForbiddenCharacter, MAX_LENGTH, RUNNER_COMMAND } from './checks.js';
import { inputDefinition, type InputDefinition, type InputName, type ParseContext } from './definitions.js';

export interface LoginInputs extends SourceInputs {
  /** The identity to assume; empty only with `diagnose`. */
  identity: string;
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
  /** Get the identity token, show its claims and how to trust it, and stop before the exchange. */
  diagnose: boolean;
  /** Log in through the refreshing docker credential helper (else static auth). */
  credentialHelper: boolean;
  /** Azure Container Registry login servers to log in to with the same Azure identity. */
  acrRegistries: string[];
  /** Also get a Chainguard API token (audience API_AUDIENCE). */
  apiToken: boolean;
}

/** Where the values are read: relative paths start at `cwd`, `~` is `home`; the test settings (acr-registries' loopback servers). */
export interface ReadContext {
  cwd?: string;
  home?: string;
  test?: TestSettings;
}

const SELECTORS = ['managed-identity-client-id', 'managed-identity-object-id', 'managed-identity-resource-id'] as const;

/** Throws the InputError `Input <label> <message>` for `name`. */
function refusal(reader: InputReader, name: InputName): (message: string) => never {
  return (message) => {
    throw new InputError(name, `Input ${reader.label(name)} ${message}`);
  };
}

/** The value of one input as given (trimmed, but for a list over several lines), refused when it holds what no value needs. */
function checkedValue(reader: InputReader, name: InputName): string {
  const definition: InputDefinition = inputDefinition(name);
  const refuse = refusal(reader, name);
  const raw = reader.get(name) ?? '';
  if (definition.multiLine) {
    if (CONTROL_IN_LIST.test(raw) || RUNNER_COMMAND.test(raw) || raw.length > MAX_LENGTH * 8) {
      refuse('must be login servers separated by commas, spaces or new lines, such as myregistry.azurecr.io.');
    }
    return raw;
  }
  const value = raw.trim();
  if (CONTROL.test(value)) refuse('contains a control character or line break; give a single plain value.');
  if (RUNNER_COMMAND.test(value))
    refuse('contains a runner or agent command marker ("##" and "["), which no value needs; give the plain value.');
  if (definition.uri && hasUriForbiddenCharacter(value))
    refuse('contains "#", "[" or "]", which an audience or URL never needs here; remove them.');
  if (value.length > MAX_LENGTH) refuse(`is ${value.length} characters long; at most ${MAX_LENGTH} are accepted.`);
  return value;
}

/** The value of one input, checked, then parsed by its table entry. */
function read<T>(reader: InputReader, name: InputName, context: ReadContext): T {
  const value = checkedValue(reader, name);
  const parseContext: ParseContext = {
    label: reader.label(name),
    fail: refusal(reader, name),
    cwd: context.cwd ?? process.cwd(),
    home: context.home ?? os.homedir(),
    test: context.test ?? NO_TEST_SETTINGS
  };
  return (inputDefinition(name) as InputDefinition).parse(value, parseContext) as T;
}

/** The one user-assigned identity selector given, refusing two. */
function readSelector(reader: InputReader, context: ReadContext): IdentitySelector | undefined {
  const given = SELECTORS.filter((name) => checkedValue(reader, name));
  if (given.length > 1) {
    const names = given.map((name) => reader.label(name)).join(' and ');
    throw new InputError(given[1], `Inputs ${names} are both set: choose the user-assigned identity with exactly one of them.`);
  }
  return given.length === 1 ? read<IdentitySelector>(reader, given[0], context) : undefined;
}

/** Reads every input; throws InputError naming the first one that is wrong. */
export function readInputs(reader: InputReader, context: ReadContext = {}): LoginInputs {
  const get = <T>(name: InputName): T => read<T>(reader, name, context);
  const diagnose = get<boolean>('diagnose');
  const identity = get<string>('identity');
  if (!identity && !diagnose) {
    throw new InputError(
      'identity',
      `Input ${reader.label('identity')} is required: the UIDP of the Chainguard assumable identity to assume (chainctl iam identities list).`
    );
  }
  // Required only by the Azure sources, which the source selection checks.
  const azureResource = get<string | undefined>('azure-audience');
  const selector = readSelector(reader, context);
  const registry = get<string>('registry');
  const audience = get<string | undefined>('audience') ?? registry;
  return {
    identity,
    azureResource,
    selector,
    registry,
    audience,
    issuer: get<string>('issuer'),
    dockerLogin: get<boolean>('docker-login'),
    logout: get<boolean>('logout'),
    dockerConfig: get<string | undefined>('docker-config'),
    timeoutSeconds: get<number>('timeout'),
    identitySource: get<SourceChoice>('identity-source'),
    identityTokenFile: get<string | undefined>('identity-token-file'),
    oidcAudience: get<string | undefined>('oidc-audience'),
    azureDevOpsServiceConnection: get<string | undefined>('azure-devops-service-connection'),
    diagnose,
    credentialHelper: get<boolean>('credential-helper'),
    apiToken: get<boolean>('api-token'),
    acrRegistries: get<string[]>('acr-registries')
  };
}
