/**
 * THE input table: every input the step takes, with its Azure task spelling, the front ends that
 * offer it, its default, its parser and its help text. Labels, the command-line tool's parser and
 * help, and the reading of every input come from here; a test checks action.yml, task.json, the
 * CLI help and the README's inputs table against it.
 *
 * Adding an input: one entry here (and its field in LoginInputs, read.ts); the front ends' files
 * and the README table follow it, and the test says where they do not.
 */
import path from 'node:path';
import { SOURCE_CHOICES, type IdentitySelector, type SourceChoice } from '../sources/inputs.js';
import type { TestSettings } from '../test-settings.js';
import { shown } from '../text.js';
import { parseAcrLoginServers } from './acr-servers.js';
import { checkIssuer, checkRegistry, GUID, isAbsoluteUri, RESOURCE_ID, UIDP } from './checks.js';

export type FrontEnd = 'github' | 'azure' | 'cli';

export const DEFAULT_REGISTRY = 'cgr.dev';
export const DEFAULT_ISSUER = 'https://issuer.enforce.dev';
export const DEFAULT_TIMEOUT_SECONDS = 120;
/** The audience of a Chainguard API token. */
export const API_AUDIENCE = 'https://console-api.enforce.dev';

/** What a parser may use besides the value: how the input is spelled, where relative paths start, the test settings. */
export interface ParseContext {
  /** The input's name as the user writes it on this platform. */
  label: string;
  /** Throws the InputError `Input <label> <message>`. */
  fail: (message: string) => never;
  cwd: string;
  home: string;
  test: TestSettings;
}

export interface InputDefinition<T = unknown> {
  /** The canonical (GitHub and CLI) name, kebab-case. */
  name: string;
  /** The Azure task's name, when it has the input (camelCase). */
  azure?: string;
  frontEnds: readonly FrontEnd[];
  /** Required in action.yml and task.json (the CLI checks it like any other). */
  required?: boolean;
  /** The default action.yml and task.json declare; none when the default depends on other inputs. */
  default?: string;
  /**
   * The value as given, for a list over several lines (acr-registries); else trimmed, and refused
   * when it holds a line break, a control character or a runner command marker.
   */
  multiLine?: boolean;
  /** A URI or an audience: `#`, `[` and `]` are refused. */
  uri?: boolean;
  /** The CLI help: the value's placeholder, and the description (lines after the first are indented). */
  value: string;
  help: string;
  parse: (value: string, context: ParseContext) => T;
}

function boolean(fallback: boolean): InputDefinition<boolean>['parse'] {
  return (value, { fail }) => {
    if (!value) return fallback;
    if (/^true$/i.test(value)) return true;
    if (/^false$/i.test(value)) return false;
    return fail(`must be true or false, not "${shown(value)}".`);
  };
}

function filePath(value: string, { cwd, home }: ParseContext): string | undefined {
  if (!value) return undefined;
  const expanded = value === '~' || value.startsWith('~/') ? path.join(home, value.slice(1)) : value;
  return path.resolve(cwd, expanded);
}

function guidSelector(kind: IdentitySelector['kind']): InputDefinition<IdentitySelector | undefined>['parse'] {
  return (value, { label, fail }) => {
    if (!value) return undefined;
    if (!GUID.test(value)) fail(`must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${shown(value)}".`);
    return { kind, value: value.toLowerCase(), inputLabel: label };
  };
}

const noSpaces = (value: string, { fail }: ParseContext): string | undefined => {
  if (value && /\s/.test(value)) fail(`must not contain spaces ("${shown(value)}").`);
  return value || undefined;
};

/** Every input, in the order the CLI help lists them. */
export const INPUTS = [
  {
    name: 'identity',
    frontEnds: ['github', 'azure', 'cli'],
    required: true,
    value: '<uidp>',
    help: 'Chainguard assumable identity to assume (required, except for diagnose)',
    parse: (value: string, { fail }: ParseContext) => {
      if (value && !UIDP.test(value)) {
        fail(
          `is not an assumable identity's UIDP ("${shown(value)}"): expected 40 hex digits, then one or more "/" and 16 hex digits, in lower case.`
        );
      }
      return value;
    }
  },
  {
    name: 'identity-source',
    frontEnds: ['github', 'azure', 'cli'],
    default: 'auto',
    value: '<source>',
    help: 'auto (default), imds, app-service, arc, workload-identity,\ntoken-file, github, azure-devops',
    parse: (value: string, { fail }: ParseContext): SourceChoice => {
      const choice = value.toLowerCase() || 'auto';
      if (!(SOURCE_CHOICES as readonly string[]).includes(choice))
        fail(`must be one of ${SOURCE_CHOICES.join(', ')}, not "${shown(choice)}".`);
      return choice as SourceChoice;
    }
  },
  {
    name: 'azure-audience',
    frontEnds: ['github', 'azure', 'cli'],
    uri: true,
    value: '<uri>',
    help: 'resource asked of an Azure identity source, e.g. api://<app-client-id>\n(required for imds, app-service, arc, workload-identity)',
    parse: (value: string, { fail }: ParseContext) => {
      const resource = value.replace(/\/\.default$/, '') || undefined;
      if (resource && !GUID.test(resource) && !isAbsoluteUri(resource)) {
        fail(`must be an Application ID URI such as api://<app-client-id> or a client ID (a GUID), not "${shown(resource)}".`);
      }
      return resource;
    }
  },
  {
    name: 'identity-token-file',
    frontEnds: ['github', 'azure', 'cli'],
    value: '<file>',
    help: 'an OIDC token file (e.g. a Kubernetes projected service-account\ntoken), read afresh at every use; selects token-file under auto',
    parse: filePath
  },
  {
    name: 'oidc-audience',
    frontEnds: ['github', 'cli'],
    uri: true,
    value: '<aud>',
    help: "audience asked of GitHub's OIDC provider (default issuer.enforce.dev)",
    parse: noSpaces
  },
  {
    name: 'azure-devops-service-connection',
    azure: 'azureDevOpsServiceConnection',
    frontEnds: ['azure', 'cli'],
    value: '<id>',
    help: "ask Azure DevOps for this service connection's OIDC token\n(needs SYSTEM_ACCESSTOKEN mapped into the step's environment)",
    parse: (raw: string, { fail }: ParseContext) => {
      const value = raw.toLowerCase() || undefined;
      if (value && !GUID.test(value))
        fail(`must be the service connection's ID (a GUID, shown in its URL as resourceId), not "${shown(value)}".`);
      return value;
    }
  },
  {
    name: 'diagnose',
    frontEnds: ['github', 'azure', 'cli'],
    default: 'false',
    value: '<true|false>',
    help: 'as the diagnose command',
    parse: boolean(false)
  },
  {
    name: 'managed-identity-client-id',
    frontEnds: ['github', 'azure', 'cli'],
    value: '<guid>',
    help: 'user-assigned identity by client ID',
    parse: guidSelector('client-id')
  },
  {
    name: 'managed-identity-object-id',
    frontEnds: ['github', 'azure', 'cli'],
    value: '<guid>',
    help: '... by principal (object) ID',
    parse: guidSelector('object-id')
  },
  {
    name: 'managed-identity-resource-id',
    frontEnds: ['github', 'azure', 'cli'],
    value: '<id>',
    help: '... by ARM resource ID',
    parse: (value: string, { label, fail }: ParseContext): IdentitySelector | undefined => {
      if (!value) return undefined;
      if (!RESOURCE_ID.test(value)) {
        fail(
          `must be the ARM resource ID of a user-assigned identity, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>, not "${shown(value)}".`
        );
      }
      return { kind: 'resource-id', value, inputLabel: label };
    }
  },
  {
    name: 'registry',
    frontEnds: ['github', 'azure', 'cli'],
    default: DEFAULT_REGISTRY,
    value: '<host[:port]>',
    help: 'registry to log in to (default cgr.dev)',
    parse: (value: string, { fail }: ParseContext) => {
      const registry = value || DEFAULT_REGISTRY;
      const problem = checkRegistry(registry);
      if (problem) fail(`${problem} ("${shown(registry)}"); give a host name such as cgr.dev, optionally with :port.`);
      return registry;
    }
  },
  {
    name: 'audience',
    frontEnds: ['github', 'azure', 'cli'],
    uri: true,
    value: '<aud>',
    help: 'audience of the Chainguard token (default: the registry)',
    parse: noSpaces
  },
  {
    name: 'issuer',
    frontEnds: ['github', 'azure', 'cli'],
    uri: true,
    default: DEFAULT_ISSUER,
    value: '<url>',
    help: 'Chainguard STS (default https://issuer.enforce.dev)',
    parse: (value: string, { fail }: ParseContext) => checkIssuer(value || DEFAULT_ISSUER, fail)
  },
  {
    name: 'docker-login',
    frontEnds: ['github', 'azure', 'cli'],
    default: 'true',
    value: '<true|false>',
    help: 'write docker auth (default true)',
    parse: boolean(true)
  },
  {
    name: 'docker-config',
    frontEnds: ['github', 'azure', 'cli'],
    value: '<dir>',
    help: 'merge into this docker config directory instead of a fresh one',
    parse: filePath
  },
  {
    name: 'logout',
    frontEnds: ['github', 'azure', 'cli'],
    default: 'true',
    value: '<true|false>',
    help: "export CHAINGUARD_LOGIN_STATE for 'logout' (default true)",
    parse: boolean(true)
  },
  {
    name: 'timeout',
    frontEnds: ['github', 'azure', 'cli'],
    default: String(DEFAULT_TIMEOUT_SECONDS),
    value: '<seconds>',
    help: 'give up after this long (default 120)',
    parse: (value: string, { fail }: ParseContext) => {
      if (!value) return DEFAULT_TIMEOUT_SECONDS;
      const seconds = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || !(seconds > 0) || seconds > 3600)
        fail(`must be a number of seconds between 1 and 3600, not "${shown(value)}".`);
      return seconds;
    }
  },
  {
    name: 'credential-helper',
    frontEnds: ['github', 'azure', 'cli'],
    default: 'true',
    value: '<true|false>',
    help: 'log in through a refreshing docker credential helper written into\nthe temp directory and put on PATH (default true); false writes\nthe one-hour token itself into the docker config',
    parse: boolean(true)
  },
  {
    name: 'acr-registries',
    frontEnds: ['github', 'azure', 'cli'],
    multiLine: true,
    value: '<servers>',
    help: 'Azure Container Registry login servers (<name>.azurecr.io, comma or\nspace separated) to log in to with the same Azure identity',
    parse: (value: string, { label, test }: ParseContext) => parseAcrLoginServers(value, label, test.loopbackEndpoints)
  },
  {
    name: 'api-token',
    frontEnds: ['github', 'azure', 'cli'],
    default: 'false',
    value: '<true|false>',
    help: 'also get a Chainguard API token, exported as CHAINGUARD_API_TOKEN\nwith --export-token (default false)',
    parse: boolean(false)
  }
] as const satisfies readonly InputDefinition[];

export type InputName = (typeof INPUTS)[number]['name'];
/** The canonical input names. */
export const INPUT_NAMES: readonly InputName[] = INPUTS.map((input) => input.name);

/** The input's definition. */
export function inputDefinition<N extends InputName>(name: N): Extract<(typeof INPUTS)[number], { name: N }> {
  return INPUTS.find((input) => input.name === name) as Extract<(typeof INPUTS)[number], { name: N }>;
}

/** The Azure task's spelling of an input: its table entry's, else camelCase. */
export function azureName(name: InputName): string {
  const definition: InputDefinition = inputDefinition(name);
  return definition.azure ?? name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Whether a front end offers the input. */
export function offers(frontEnd: FrontEnd, name: InputName): boolean {
  return (inputDefinition(name).frontEnds as readonly FrontEnd[]).includes(frontEnd);
}
