/** The built GitHub Action, run as the runner runs it, against loopback h.emulators. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IDENTITY_SYSTEM, IDENTITY_USER_A, readJwt, USER_A } from '../../emulators/index.mjs';
import type { Job } from '../../emulators/runners.mjs';
import { basicAuth } from '../../src/core/docker/auth-file.js';
import { useBundleHarness } from '../helpers/bundles.js';
import { startProxy } from '../helpers/proxy.js';
import { closedPort } from '../helpers/temp.js';

const h = useBundleHarness();
let job: Job;
beforeEach(() => {
  job = h.githubJob();
});
const inputs = (extra: Record<string, string> = {}) => h.githubInputs(extra);

/** Every stdout/stderr line carrying `token` is its mask command, and the mask comes first. */
function expectMaskedFirst(output: string, token: string): void {
  const lines = output.split('\n');
  const carrying = lines.filter((line) => line.includes(token));
  expect(carrying).toEqual([`::add-mask::${token}`]);
}

describe('GitHub Action bundle', () => {
  it('logs in with the system-assigned identity, masks both tokens, and the post step cleans up', async () => {
    const main = await h.githubMain(job, inputs());
    expect(main.stderr).toBe('');
    expect(main.code).toBe(0);
    const [azureToken] = h.emulators.imds.issued;
    const [chainguardToken] = h.emulators.sts.issued;
    expectMaskedFirst(main.stdout, azureToken);
    expectMaskedFirst(main.stdout, chainguardToken);
    expect(main.stdout.indexOf(`::add-mask::${azureToken}`)).toBeLessThan(main.stdout.indexOf('Exchanging'));

    expect(main.outputs.token).toBe(chainguardToken);
    expect(main.outputs['expires-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(main.outputs.identity).toBe(IDENTITY_SYSTEM);
    const dir = main.outputs['docker-config'];
    expect(main.exported.DOCKER_CONFIG).toBe(dir);
    expect(path.dirname(dir)).toBe(job.temp);
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    expect(config.auths['cgr.dev'].auth).toBe(basicAuth('_token', chainguardToken));

    const post = await h.githubPost(job, main);
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/Logout: deleted /);
    expect(existsSync(dir)).toBe(false);
  });

  it('logs in with a user-assigned identity chosen by resource ID', async () => {
    const main = await h.githubMain(job, inputs({ identity: IDENTITY_USER_A, 'managed-identity-resource-id': USER_A.resourceId }));
    expect(main.code).toBe(0);
    expect(h.emulators.imds.requests[0].url.searchParams.get('msi_res_id')).toBe(USER_A.resourceId);
    expect(readJwt(main.outputs.token)?.sub).toBe(IDENTITY_USER_A);
  });

  it('seeds the job config from a runner config that names a credsStore, and leaves the runner config alone', async () => {
    const userDir = path.join(job.home, '.docker');
    mkdirSync(userDir);
    const seed = JSON.stringify({ auths: { 'ghcr.io': { auth: 'Z2g6cHc=' } }, credsStore: 'secretservice' });
    writeFileSync(path.join(userDir, 'config.json'), seed);
    const main = await h.githubMain(job, inputs());
    expect(main.code).toBe(0);
    const config = JSON.parse(readFileSync(path.join(main.outputs['docker-config'], 'config.json'), 'utf8'));
    expect(config).toMatchObject({
      credsStore: 'secretservice',
      credHelpers: { 'cgr.dev': '' },
      auths: { 'ghcr.io': { auth: 'Z2g6cHc=' } }
    });
    expect(readFileSync(path.join(userDir, 'config.json'), 'utf8')).toBe(seed);
  });

  it('merges into an explicit docker-config and restores it in the post step', async () => {
    const dir = path.join(job.dir, 'shared-docker');
    mkdirSync(dir);
    const before = { auths: { 'cgr.dev': { auth: 'b2xkOnRva2Vu' } } };
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(before));
    const main = await h.githubMain(job, inputs({ 'docker-config': dir }));
    expect(main.code).toBe(0);
    expect(main.outputs['docker-config']).toBe(dir);
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')).auths['cgr.dev'].auth).toBe(
      basicAuth('_token', main.outputs.token)
    );
    const post = await h.githubPost(job, main);
    expect(post.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual(before);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['an identity that is not a UIDP', { identity: 'not-a-uidp' }, /::error::Input identity is not an assumable identity's UIDP/],
    ['a registry with a scheme', { registry: 'https://cgr.dev' }, /::error::Input registry must not include a scheme/],
    ['a non-https issuer', { issuer: 'http://issuer.example.com' }, /::error::Input issuer must use https/],
    [
      'two selectors',
      { 'managed-identity-client-id': USER_A.clientId, 'managed-identity-object-id': USER_A.objectId },
      /::error::Inputs managed-identity-client-id and managed-identity-object-id are both set/
    ],
    [
      'a selector that is not a GUID',
      { 'managed-identity-client-id': 'runner-a' },
      /::error::Input managed-identity-client-id must be a GUID/
    ]
  ])('refuses %s before any request, exits 1 and writes nothing', async (_what, extra, message) => {
    const main = await h.githubMain(job, inputs(extra));
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(message);
    expect(h.emulators.imds.requests.length + h.emulators.sts.requests.length).toBe(0);
    expect(main.outputs).toEqual({});
    expect(main.state).toEqual({});
    expect(main.exported).toEqual({});
  });

  it('says there is no managed identity endpoint when IMDS refuses connections', async () => {
    const port = await closedPort();
    const main = await h.githubMain(job, inputs(), { AZURE_POD_IDENTITY_AUTHORITY_HOST: `http://127.0.0.1:${port}` });
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(
      /::error::Could not get an Azure token from IMDS .*refused the connection\. This machine has no Azure managed identity endpoint/
    );
    expect(main.outputs).toEqual({});
  });

  it('names the selector input when the identity is not assigned to this machine', async () => {
    const main = await h.githubMain(job, inputs({ 'managed-identity-client-id': '99999999-aaaa-4aaa-8aaa-999999999999' }));
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(
      /::error::.*Identity not found.*selected by managed-identity-client-id \(99999999-aaaa-4aaa-8aaa-999999999999\) is not assigned to this machine/
    );
  });

  it("shows the Azure token's claims, never the token, when the STS refuses it", async () => {
    const main = await h.githubMain(job, inputs({ identity: IDENTITY_USER_A }));
    expect(main.code).toBe(1);
    const [azureToken] = h.emulators.imds.issued;
    expect(main.stdout).toMatch(/::error::Could not exchange the Azure token at Chainguard's STS .*HTTP 403 PermissionDenied/);
    expect(main.stdout).toMatch(/subject "11111111-bbbb-4bbb-8bbb-111111111111"/);
    expectMaskedFirst(main.stdout, azureToken);
    expect(readdirSafe(job.temp)).toEqual([]);
  });

  it('reaches IMDS directly while proxy variables are set, and the login still works', async () => {
    const proxy = await startProxy();
    try {
      const main = await h.githubMain(job, inputs(), {
        HTTP_PROXY: proxy.url,
        http_proxy: proxy.url,
        HTTPS_PROXY: proxy.url,
        https_proxy: proxy.url
      });
      expect(main.stdout).not.toMatch(/::error::/);
      expect(main.code).toBe(0);
      expect(h.emulators.imds.requests).toHaveLength(1);
      expect(proxy.seen.filter((target) => target.includes(String(h.emulators.imds.port)))).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

function readdirSafe(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}
