/** Malformed inputs, each with the input its refusal must name: shared by the in-process and the bundle tests. */
import { USER_A } from '../../emulators/index.mjs';

const UIDP = '0123456789abcdef0123456789abcdef01234567/0123456789abcdef';
const GUID = '22222222-aaaa-4aaa-8aaa-222222222222';

export const BAD_INPUTS: Array<[string, Record<string, string>, string]> = [
  ['identity: empty', { identity: '' }, 'identity'],
  ['identity: a name', { identity: 'ci-runners' }, 'identity'],
  ['identity: organisation only', { identity: UIDP.split('/')[0] }, 'identity'],
  ['identity: upper case', { identity: UIDP.toUpperCase() }, 'identity'],
  ['identity: short segment', { identity: `${UIDP.split('/')[0]}/0123` }, 'identity'],
  ['identity: trailing slash', { identity: `${UIDP}/` }, 'identity'],
  ['identity: a pasted token', { identity: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }, 'identity'],
  ['identity: newline inside', { identity: `${UIDP}\nrm -rf /` }, 'identity'],
  ['identity: very long', { identity: 'a'.repeat(5000) }, 'identity'],
  ['azure-audience: empty', { 'azure-audience': '' }, 'azure-audience'],
  ['azure-audience: spaces', { 'azure-audience': 'my app' }, 'azure-audience'],
  ['azure-audience: bare word', { 'azure-audience': 'chainguard' }, 'azure-audience'],
  ['azure-audience: control character', { 'azure-audience': 'api://app\u0001x' }, 'azure-audience'],
  ['managed-identity-client-id: not a GUID', { 'managed-identity-client-id': 'runner-a' }, 'managed-identity-client-id'],
  ['managed-identity-client-id: GUID with braces', { 'managed-identity-client-id': `{${GUID}}` }, 'managed-identity-client-id'],
  ['managed-identity-object-id: truncated GUID', { 'managed-identity-object-id': GUID.slice(0, 30) }, 'managed-identity-object-id'],
  [
    'managed-identity-resource-id: a VM',
    {
      'managed-identity-resource-id':
        '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1'
    },
    'managed-identity-resource-id'
  ],
  ['managed-identity-resource-id: a name', { 'managed-identity-resource-id': 'runner-a' }, 'managed-identity-resource-id'],
  [
    'two selectors',
    { 'managed-identity-client-id': USER_A.clientId, 'managed-identity-resource-id': USER_A.resourceId },
    'managed-identity-resource-id'
  ],
  [
    'three selectors',
    {
      'managed-identity-client-id': USER_A.clientId,
      'managed-identity-object-id': USER_A.objectId,
      'managed-identity-resource-id': USER_A.resourceId
    },
    'managed-identity-object-id'
  ],
  ['registry: with scheme', { registry: 'https://cgr.dev' }, 'registry'],
  ['registry: with path', { registry: 'cgr.dev/chainguard/static' }, 'registry'],
  ['registry: port out of range', { registry: 'cgr.dev:0' }, 'registry'],
  ['registry: bad characters', { registry: 'cgr_dev' }, 'registry'],
  ['registry: label too long', { registry: `${'a'.repeat(64)}.dev` }, 'registry'],
  ['registry: tab inside', { registry: 'cgr.dev\tx' }, 'registry'],
  ['audience: spaces', { audience: 'cgr dev' }, 'audience'],
  ['issuer: plain http off loopback', { issuer: 'http://issuer.enforce.dev' }, 'issuer'],
  ['issuer: not a URL', { issuer: 'issuer.enforce.dev' }, 'issuer'],
  ['issuer: with query', { issuer: 'https://issuer.enforce.dev/?x=1' }, 'issuer'],
  ['issuer: with credentials', { issuer: 'https://me:pw@issuer.enforce.dev' }, 'issuer'],
  ['issuer: ftp', { issuer: 'ftp://issuer.enforce.dev' }, 'issuer'],
  ['docker-login: yes', { 'docker-login': 'yes' }, 'docker-login'],
  ['docker-login: 1', { 'docker-login': '1' }, 'docker-login'],
  ['logout: on', { logout: 'on' }, 'logout'],
  ['timeout: words', { timeout: 'two minutes' }, 'timeout'],
  ['timeout: negative', { timeout: '-5' }, 'timeout'],
  ['timeout: too large', { timeout: '100000' }, 'timeout'],
  ['docker-config: line break', { 'docker-config': '/tmp/a\n/tmp/b' }, 'docker-config']
];
