import { APP_CLIENT_ID } from '../../../../emulators/index.mjs';
import { InputError } from '../../../../src/core/errors.js';
import { checkRegistry } from '../../../../src/core/inputs/checks.js';
import { isLoopback } from '../../../../src/core/net/url.js';
import { readInputs } from '../../../../src/core/inputs/read.js';
import { type InputName } from '../../../../src/core/inputs/definitions.js';

const IDENTITY = '0123456789abcdef0123456789abcdef01234567/0123456789abcdef';
const base: Partial<Record<InputName, string>> = { identity: IDENTITY, 'azure-audience': 'api://3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c' };
const reader = (values: Partial<Record<InputName, string>>, label: (n: InputName) => string = (n) => n) => ({
  get: (name: InputName) => values[name] ?? '',
  label
});

function refusal(values: Partial<Record<InputName, string>>): InputError {
  try {
    readInputs(reader({ ...base, ...values }));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('inputs were accepted');
}

describe('readInputs', () => {
  it('applies the documented defaults', () => {
    const inputs = readInputs(reader(base), { cwd: '/work' });
    expect(inputs).toEqual({
      identity: IDENTITY,
      azureResource: 'api://3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c',
      selector: undefined,
      registry: 'cgr.dev',
      audience: 'cgr.dev',
      issuer: 'https://issuer.enforce.dev',
      dockerLogin: true,
      dockerConfig: undefined,
      logout: true,
      timeoutSeconds: 120,
      identitySource: 'auto',
      identityTokenFile: undefined,
      oidcAudience: undefined,
      azureDevOpsServiceConnection: undefined,
      diagnose: false,
      credentialHelper: true,
      acrRegistries: [],
      apiToken: false
    });
  });

  it('reads credential-helper, api-token and a list of ACR login servers', () => {
    const inputs = readInputs(
      reader({
        ...base,
        'credential-helper': 'false',
        'api-token': 'TRUE',
        'acr-registries': 'one11.azurecr.io, two22.azurecr.cn\nHTTPS://One11.azurecr.io/ three33.azurecr.us'
      }),
      { cwd: '/work' }
    );
    expect(inputs).toMatchObject({
      credentialHelper: false,
      apiToken: true,
      acrRegistries: ['one11.azurecr.io', 'two22.azurecr.cn', 'three33.azurecr.us']
    });
    expect(refusal({ ...base, 'acr-registries': 'example.com' }).message).toMatch(
      /^Input acr-registries names "example.com", which is not an Azure Container Registry login server/
    );
    expect(refusal({ ...base, 'acr-registries': 'one11.azurecr.io ##vso[task.setvariable]' }).message).toMatch(
      /^Input acr-registries must be login servers/
    );
    expect(refusal({ ...base, 'credential-helper': 'yes' }).message).toMatch(/^Input credential-helper must be true or false/);
  });

  it('reads the identity-source inputs, and needs neither identity nor azure-audience to diagnose', () => {
    const inputs = readInputs(
      reader({
        'identity-source': ' Token-File ',
        'identity-token-file': 'tokens/sa',
        'oidc-audience': 'my-audience',
        'azure-devops-service-connection': '7B3F1C2D-9E8A-4B6C-A5D4-3E2F1A0B9C8D',
        diagnose: 'true'
      }),
      { cwd: '/work' }
    );
    expect(inputs).toMatchObject({
      identity: '',
      azureResource: undefined,
      identitySource: 'token-file',
      identityTokenFile: '/work/tokens/sa',
      oidcAudience: 'my-audience',
      azureDevOpsServiceConnection: '7b3f1c2d-9e8a-4b6c-a5d4-3e2f1a0b9c8d',
      diagnose: true
    });
    // azure-audience is required only by the Azure sources, which the source selection checks.
    expect(readInputs(reader({ identity: IDENTITY })).azureResource).toBeUndefined();
  });

  it('strips /.default from the Azure audience and trims values', () => {
    const inputs = readInputs(reader({ ...base, 'azure-audience': '  api://app/.default ' }));
    expect(inputs.azureResource).toBe('api://app');
  });

  it('reads one selector of each kind', () => {
    const client = readInputs(reader({ ...base, 'managed-identity-client-id': '22222222-AAAA-4aaa-8aaa-222222222222' }));
    expect(client.selector).toEqual({
      kind: 'client-id',
      value: '22222222-aaaa-4aaa-8aaa-222222222222',
      inputLabel: 'managed-identity-client-id'
    });
    const object = readInputs(reader({ ...base, 'managed-identity-object-id': '22222222-bbbb-4bbb-8bbb-222222222222' }));
    expect(object.selector?.kind).toBe('object-id');
    const rid =
      '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-a';
    expect(readInputs(reader({ ...base, 'managed-identity-resource-id': rid })).selector).toMatchObject({
      kind: 'resource-id',
      value: rid
    });
  });

  it('accepts host:port registries, loopback http issuers and explicit config paths', () => {
    const inputs = readInputs(
      reader({
        ...base,
        registry: '127.0.0.1:5000',
        issuer: 'http://127.0.0.1:8080/',
        'docker-config': 'cfg',
        'docker-login': 'TRUE',
        logout: 'False',
        timeout: '30'
      }),
      { cwd: '/work' }
    );
    expect(inputs).toMatchObject({
      registry: '127.0.0.1:5000',
      audience: '127.0.0.1:5000',
      issuer: 'http://127.0.0.1:8080',
      dockerConfig: '/work/cfg',
      dockerLogin: true,
      logout: false,
      timeoutSeconds: 30
    });
  });

  it.each<[string, Partial<Record<InputName, string>>, InputName, RegExp]>([
    ['a missing identity', { identity: '' }, 'identity', /identity is required/],
    ['an identity that is not a UIDP', { identity: 'my-identity' }, 'identity', /not an assumable identity's UIDP/],
    ['an upper-case UIDP', { identity: IDENTITY.toUpperCase() }, 'identity', /UIDP/],
    ['an org without an identity part', { identity: IDENTITY.split('/')[0] }, 'identity', /UIDP/],
    [
      'an unknown identity source',
      { 'identity-source': 'kubernetes' },
      'identity-source',
      /must be one of auto, imds, app-service, arc, workload-identity, token-file, github, azure-devops/
    ],
    ['an OIDC audience with spaces', { 'oidc-audience': 'issuer enforce dev' }, 'oidc-audience', /spaces/],
    [
      'a service connection given by name',
      { 'azure-devops-service-connection': 'chainguard-registry' },
      'azure-devops-service-connection',
      /service connection's ID \(a GUID/
    ],
    ['a diagnose that is not a boolean', { diagnose: 'yes' }, 'diagnose', /true or false/],
    ['an Azure audience that is neither URI nor GUID', { 'azure-audience': 'my app' }, 'azure-audience', /Application ID URI/],
    [
      'two selectors at once',
      {
        'managed-identity-client-id': '22222222-aaaa-4aaa-8aaa-222222222222',
        'managed-identity-object-id': '22222222-bbbb-4bbb-8bbb-222222222222'
      },
      'managed-identity-object-id',
      /managed-identity-client-id and managed-identity-object-id are both set/
    ],
    ['a client ID that is not a GUID', { 'managed-identity-client-id': 'runner-a' }, 'managed-identity-client-id', /must be a GUID/],
    ['an object ID that is not a GUID', { 'managed-identity-object-id': '1234' }, 'managed-identity-object-id', /must be a GUID/],
    [
      'a resource ID of another resource type',
      {
        'managed-identity-resource-id':
          '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm'
      },
      'managed-identity-resource-id',
      /ARM resource ID of a user-assigned identity/
    ],
    ['a registry with a scheme', { registry: 'https://cgr.dev' }, 'registry', /must not include a scheme/],
    ['a registry with a path', { registry: 'cgr.dev/chainguard' }, 'registry', /must not include a path/],
    ['a registry with a bad port', { registry: 'cgr.dev:70000' }, 'registry', /port/],
    ['a registry that is not a host name', { registry: 'cgr_dev!' }, 'registry', /not a host name/],
    ['an http issuer off loopback', { issuer: 'http://issuer.enforce.dev' }, 'issuer', /must use https/],
    ['an issuer that is not a URL', { issuer: 'issuer.enforce.dev' }, 'issuer', /https URL/],
    ['an issuer with another scheme', { issuer: 'ftp://issuer.enforce.dev' }, 'issuer', /https URL/],
    ['an issuer with credentials', { issuer: 'https://user:pw@issuer.enforce.dev' }, 'issuer', /credentials/],
    ['an audience with spaces', { audience: 'cgr dev' }, 'audience', /spaces/],
    ['a boolean that is not a boolean', { 'docker-login': 'yes' }, 'docker-login', /true or false/],
    ['a logout that is not a boolean', { logout: '1' }, 'logout', /true or false/],
    ['a timeout that is not a number', { timeout: 'soon' }, 'timeout', /number of seconds/],
    ['a zero timeout', { timeout: '0' }, 'timeout', /number of seconds/],
    ['a newline inside a value', { identity: `${IDENTITY}\nx` }, 'identity', /control character or line break/],
    ['a control character', { registry: 'cgr.dev\u0007' }, 'registry', /control character/],
    ['a very long value', { audience: 'a'.repeat(5000) }, 'audience', /at most 2048/]
  ])('refuses %s, naming the input', (_what, values, input, message) => {
    const error = refusal(values);
    expect(error.input).toBe(input);
    expect(error.message).toContain(input);
    expect(error.message).toMatch(message);
  });

  it('names inputs the way the platform spells them', () => {
    expect(() =>
      readInputs(reader({ ...base, 'identity-source': 'vm' }, (n) => n.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())))
    ).toThrow(/Input identitySource must be one of/);
  });

  it('never echoes a value that looks like a token', () => {
    const error = refusal({ identity: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' });
    expect(error.message).not.toContain('eyJ');
  });
});

describe('checkRegistry and isLoopback', () => {
  it('accepts host names, IPv4 and bracketed IPv6 with ports', () => {
    for (const ok of ['cgr.dev', 'apk.cgr.dev', 'localhost:5000', '127.0.0.1:5000', '[::1]:5000', 'my-mirror.example.com']) {
      expect(checkRegistry(ok)).toBeUndefined();
    }
  });
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '[::1]', '::1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '169.254.169.254', 'example.com', '128.0.0.1'].some(isLoopback)).toBe(false);
  });
});

describe('readInputs: characters', () => {
  const base: Partial<Record<InputName, string>> = {
    identity: '0123456789abcdef0123456789abcdef01234567/0123456789abcdef',
    'azure-audience': `api://${APP_CLIENT_ID}`
  };
  const read = (values: Partial<Record<InputName, string>>) =>
    readInputs({ get: (name: InputName) => ({ ...base, ...values })[name] ?? '', label: (name: InputName) => name }, { cwd: '/work' });

  it('still accepts a bracketed IPv6 loopback issuer and registry', () => {
    expect(read({ issuer: 'http://[::1]:8080', registry: '[::1]:5000' })).toMatchObject({
      issuer: 'http://[::1]:8080',
      registry: '[::1]:5000'
    });
  });

  it('accepts paths with ordinary punctuation', () => {
    expect(read({ 'docker-config': '/srv/ci (shared)/docker#1' }).dockerConfig).toBe('/srv/ci (shared)/docker#1');
  });

  it.each<[InputName, string]>([
    ['azure-audience', `api://${APP_CLIENT_ID}#`],
    ['audience', 'https://console-api.enforce.dev#x'],
    ['issuer', 'http://[::1]:8080/#x'],
    ['issuer', 'http://[::1]:8080/[x]'],
    ['docker-config', '/tmp/##[add-mask]x'],
    ['docker-config', '/tmp/x##vso[task.complete result=Succeeded]'],
    ['registry', 'cgr.dev\u0085'],
    ['identity', '0123456789abcdef0123456789abcdef01234567\u2028/0123456789abcdef']
  ])('refuses %s = %j without echoing the value', (name, value) => {
    let error: unknown;
    try {
      read({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(name);
    expect((error as InputError).message).not.toContain(value.trim());
  });
});
