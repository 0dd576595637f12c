/** The built Azure Pipelines task, run as the agent runs it, against loopback h.emulators. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IDENTITY_SYSTEM, IDENTITY_USER_A, readJwt, USER_A } from '../../emulators/index.mjs';
import { parseVso, restrictionViolations, ROOT, type Job } from '../../emulators/runners.mjs';
import { basicAuth } from '../../src/core/docker/auth-file.js';
import { useBundleHarness } from '../helpers/bundles.js';
import { closedPort } from '../helpers/temp.js';

const h = useBundleHarness();
let job: Job;
beforeEach(() => {
  job = h.azureJob();
});
const inputs = (extra: Record<string, string> = {}) => h.azureInputs(extra);

/** The token appears only in its setsecret command and (for the Chainguard token) the secret output. */
function expectMaskedFirst(stdout: string, token: string, allowed: RegExp[] = []): void {
  const lines = stdout.split('\n').filter((line) => line.includes(token));
  expect(lines[0]).toBe(`##vso[task.setsecret]${token}`);
  for (const line of lines.slice(1)) expect(allowed.some((pattern) => pattern.test(line))).toBe(true);
}

describe('Azure Pipelines task bundle', () => {
  it('logs in with the system-assigned identity, sets secret and plain output variables, and the post-job step cleans up', async () => {
    const main = await h.azureMain(job, inputs());
    expect(main.stderr).toBe('');
    expect(main.result).toBe('Succeeded');
    const [azureToken] = h.emulators.imds.issued;
    const [chainguardToken] = h.emulators.sts.issued;
    expectMaskedFirst(main.stdout, azureToken);
    expectMaskedFirst(main.stdout, chainguardToken, [/^##vso\[task\.setvariable variable=token;isOutput=true;issecret=true;\]/]);

    expect(main.outputs.token).toEqual({ value: chainguardToken, secret: true });
    expect(main.outputs.expiresAt.value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(main.outputs.identity).toEqual({ value: IDENTITY_SYSTEM, secret: false });
    const dir = main.outputs.dockerConfig.value;
    expect(path.dirname(dir)).toBe(job.temp);
    expect(main.variables.DOCKER_CONFIG).toBe(dir);
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    expect(config.auths['cgr.dev'].auth).toBe(basicAuth('_token', chainguardToken));
    expect(main.stdout).not.toMatch(/LIB_ResourceFile|Resource file haven't been set/);

    const post = await h.azurePost(job, main);
    expect(post.result).toBe('Succeeded');
    expect(post.stdout).toMatch(/Logout: deleted /);
    expect(existsSync(dir)).toBe(false);
  });

  it('logs in with a user-assigned identity chosen by object ID', async () => {
    const main = await h.azureMain(job, inputs({ identity: IDENTITY_USER_A, managedIdentityObjectId: USER_A.objectId }));
    expect(main.result).toBe('Succeeded');
    expect(h.emulators.imds.requests[0].url.searchParams.get('object_id')).toBe(USER_A.objectId);
    expect(readJwt(main.outputs.token.value)?.sub).toBe(IDENTITY_USER_A);
  });

  it('refuses an invalid input before any request, naming it in camelCase', async () => {
    const main = await h.azureMain(job, inputs({ managedIdentityClientId: 'not-a-guid' }));
    expect(main.result).toBe('Failed');
    expect(main.commands.find((c) => c.command === 'task.complete')?.message).toMatch(/^Input managedIdentityClientId must be a GUID/);
    expect(h.emulators.imds.requests.length + h.emulators.sts.requests.length).toBe(0);
    expect(main.outputs).toEqual({});
    expect(main.variables).toEqual({});
  });

  it('fails with one clear message when IMDS is unreachable', async () => {
    const port = await closedPort();
    const main = await h.azureMain(job, inputs(), { AZURE_POD_IDENTITY_AUTHORITY_HOST: `http://127.0.0.1:${port}` });
    expect(main.result).toBe('Failed');
    const errors = main.commands.filter((c) => c.command === 'task.issue' && c.properties.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/no Azure managed identity endpoint/);
  });

  it('declares the handlers, post-job step and outputs the agent needs', () => {
    const task = JSON.parse(readFileSync(path.join(ROOT, 'task.json'), 'utf8'));
    for (const handler of ['Node20_1', 'Node24']) {
      expect(existsSync(path.join(ROOT, task.execution[handler].target))).toBe(true);
      expect(existsSync(path.join(ROOT, task.postjobexecution[handler].target))).toBe(true);
    }
    expect(task.outputVariables.map((o: { name: string }) => o.name)).toEqual([
      'token',
      'expiresAt',
      'identity',
      'dockerConfig',
      'apiToken'
    ]);
    for (const o of task.outputVariables) expect(o.name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
    expect(task.inputs.map((i: { name: string }) => i.name).sort()).toEqual(
      [
        'identity',
        'azureAudience',
        'managedIdentityClientId',
        'managedIdentityObjectId',
        'managedIdentityResourceId',
        'registry',
        'audience',
        'issuer',
        'dockerLogin',
        'dockerConfig',
        'logout',
        'timeout',
        'identitySource',
        'identityTokenFile',
        'azureDevOpsServiceConnection',
        'diagnose',
        'credentialHelper',
        'acrRegistries',
        'apiToken'
      ].sort()
    );
    // Every input sits in a declared group.
    const groups = new Set(task.groups.map((g: { name: string }) => g.name));
    for (const input of task.inputs) expect(groups.has(input.groupName)).toBe(true);
  });

  it('declares restrictions the agent enforces: restricted commands, and only the variables the task sets', () => {
    const task = JSON.parse(readFileSync(path.join(ROOT, 'task.json'), 'utf8'));
    expect(task.restrictions.commands.mode).toBe('restricted');
    // The emulated agent applies them to every run of the task in these tests (see the harness); it refuses what they do not allow.
    const commands = parseVso(
      [
        '##vso[task.setvariable variable=DOCKER_CONFIG;]/tmp/x',
        '##vso[task.prependpath]/tmp/bin',
        '##vso[task.setvariable variable=token;isOutput=true;issecret=true;]t',
        '##vso[task.setvariable variable=SOMETHING_ELSE;]x',
        '##vso[artifact.upload containerfolder=x;artifactname=x;]/tmp/x',
        '##vso[task.uploadsummary]/tmp/x'
      ].join('\n')
    );
    expect(restrictionViolations(commands, task.restrictions)).toEqual([
      'variable SOMETHING_ELSE',
      'command artifact.upload',
      'command task.uploadsummary'
    ]);
  });
});
