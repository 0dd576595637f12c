/**
 * Every identity source through the built bundles, as the runner and the agent run them: chosen by
 * `auto` from the environment its platform sets, the metadata service (IMDS) not asked, and no
 * secret — token, identity header, Arc key — in any output (the harness sweeps every run).
 */
import { existsSync } from 'node:fs';
import {
  APP_SERVICE_MI,
  ARC_MI,
  AZURE_AUDIENCE,
  IDENTITY_APP_SERVICE,
  IDENTITY_ARC,
  IDENTITY_KUBERNETES,
  IDENTITY_SYSTEM,
  IDENTITY_WORKLOAD,
  JENKINS_SERVICE_ACCOUNT,
  readJwt,
  WORKLOAD_MI
} from '../../emulators/index.mjs';
import type { Job } from '../../emulators/runners.mjs';
import { useBundleHarness } from '../helpers/bundles.js';

const h = useBundleHarness();

/** Every output line carrying `secret` is a masking command (or Azure's secret output variable). */
function expectOnlyMasked(output: string, secret: string, mask: (s: string) => string): void {
  const carrying = output.split('\n').filter((line) => line.includes(secret));
  expect(carrying.length).toBeGreaterThan(0);
  for (const line of carrying) expect(line).toBe(mask(secret));
}
const githubMask = (s: string) => `::add-mask::${s}`;
const azureMask = (s: string) => `##vso[task.setsecret]${s}`;

describe('through the GitHub Action bundle', () => {
  let job: Job;
  beforeEach(() => {
    job = h.githubJob();
  });

  it('App Service / Container Apps: detected by IDENTITY_ENDPOINT and IDENTITY_HEADER, header masked', async () => {
    const env = h.emulators.environments.appService();
    const main = await h.githubMain(job, h.githubInputs({ identity: IDENTITY_APP_SERVICE }), env);
    expect(main.stdout).not.toMatch(/::error::/);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain(
      'Identity source: the App Service / Container Apps identity endpoint (auto: IDENTITY_ENDPOINT and IDENTITY_HEADER are set)'
    );
    expect(h.emulators.imds.requests).toHaveLength(0);
    expect(h.emulators.appService.requests).toHaveLength(1);
    expect(readJwt(h.emulators.appService.issued[0])?.sub).toBe(APP_SERVICE_MI.objectId);
    expect(readJwt(main.outputs.token)?.sub).toBe(IDENTITY_APP_SERVICE);
    expectOnlyMasked(main.stdout, env.IDENTITY_HEADER, githubMask);
    expectOnlyMasked(main.stdout, h.emulators.appService.issued[0], githubMask);
    const post = await h.githubPost(job, main);
    expect(post.code).toBe(0);
    expect(existsSync(main.outputs['docker-config'])).toBe(false);
  });

  it('Azure Arc: detected by IDENTITY_ENDPOINT and IMDS_ENDPOINT, the key read from the realm and masked', async () => {
    const main = await h.githubMain(job, h.githubInputs({ identity: IDENTITY_ARC }), h.emulators.environments.arc());
    expect(main.code).toBe(0);
    expect(main.stdout).toContain(
      "Identity source: the Azure Arc agent's identity endpoint (auto: IDENTITY_ENDPOINT and IMDS_ENDPOINT are set)"
    );
    expect(main.stdout).toMatch(/::warning::CHAINGUARD_LOGIN_TEST_ARC_TOKEN_DIR is set: .*tests only/);
    expect(h.emulators.imds.requests).toHaveLength(0);
    expect(h.emulators.arc.requests).toHaveLength(2);
    expect(readJwt(h.emulators.arc.issued[0])?.sub).toBe(ARC_MI.objectId);
    expect(readJwt(main.outputs.token)?.sub).toBe(IDENTITY_ARC);
    expectOnlyMasked(main.stdout, h.emulators.arc.keys[0], githubMask);
  });

  it('AKS workload identity: detected by its three variables, the projected token presented to Entra ID', async () => {
    const env = h.emulators.environments.workloadIdentity();
    const main = await h.githubMain(job, h.githubInputs({ identity: IDENTITY_WORKLOAD }), env);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain(
      'Identity source: Entra ID (workload identity) (auto: AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID and AZURE_TENANT_ID are set)'
    );
    expect(h.emulators.imds.requests).toHaveLength(0);
    expect(new URLSearchParams(h.emulators.entra.requests[0].body).get('client_assertion')).toBe(h.emulators.kubelet.issued[0]);
    expect(readJwt(h.emulators.entra.issued[0])).toMatchObject({ sub: WORKLOAD_MI.objectId, azp: WORKLOAD_MI.clientId });
    expect(readJwt(main.outputs.token)?.sub).toBe(IDENTITY_WORKLOAD);
    expectOnlyMasked(main.stdout, h.emulators.kubelet.issued[0], githubMask);
  });

  it("a token file (a Jenkins agent pod's projected token): chosen by identity-token-file, no Azure call", async () => {
    const file = h.emulators.kubelet.writeToken(JENKINS_SERVICE_ACCOUNT);
    const main = await h.githubMain(
      job,
      h.githubInputs({ identity: IDENTITY_KUBERNETES, 'azure-audience': '', 'identity-token-file': file })
    );
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Identity source: the token file (auto: identity-token-file is set)');
    expect(h.emulators.imds.requests).toHaveLength(0);
    expect(h.emulators.sts.requests[0].headers.authorization).toBe(`Bearer ${h.emulators.kubelet.issued[0]}`);
    expect(readJwt(main.outputs.token)?.sub).toBe(IDENTITY_KUBERNETES);
    expectOnlyMasked(main.stdout, h.emulators.kubelet.issued[0], githubMask);
  });

  it('IMDS stays the choice on a VM, and is asked at the trailing-slash path msal-node uses too', async () => {
    const main = await h.githubMain(job, h.githubInputs());
    expect(main.code).toBe(0);
    expect(main.stdout).toContain(
      'Identity source: IMDS (auto: azure-audience is set and no other Azure identity endpoint is in the environment)'
    );
    const slash = await fetch(
      `${h.emulators.imds.url}/metadata/identity/oauth2/token/?api-version=2018-02-01&resource=${encodeURIComponent(AZURE_AUDIENCE)}`,
      { headers: { Metadata: 'true' } }
    );
    expect(slash.status).toBe(200);
    h.extraTokens.push(((await slash.json()) as { access_token: string }).access_token);
  });

  it('prints the chainctl command for the presented token when the identity does not trust it', async () => {
    const main = await h.githubMain(job, h.githubInputs({ identity: IDENTITY_SYSTEM }), h.emulators.environments.appService());
    expect(main.code).toBe(1);
    const errors = main.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::Could not exchange the Azure token at Chainguard's STS .*HTTP 403 PermissionDenied/);
    expect(errors[0]).toContain(
      `chainctl iam identities create azure-container-apps-runners --parent=${IDENTITY_SYSTEM.split('/')[0]} --identity-issuer=https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0 --subject=${APP_SERVICE_MI.objectId} --audience=3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c --role=registry.pull`
    );
    expect(errors[0]).toContain('claim_match {');
    expect(main.outputs).toEqual({});
  });

  it('diagnoses with diagnose: true: prints the claims and the command, exits 0, sends nothing to the STS, writes nothing', async () => {
    const main = await h.githubMain(
      job,
      { 'identity-source': 'arc', 'azure-audience': AZURE_AUDIENCE, diagnose: 'true', issuer: h.emulators.sts.url },
      h.emulators.environments.arc()
    );
    expect(main.code).toBe(0);
    expect(main.stdout).toContain(`  subject  (sub): ${ARC_MI.objectId}`);
    expect(main.stdout).toMatch(
      /^ {2}chainctl iam identities create azure-arc-runners --identity-issuer=\S+ --subject=55555555-bbbb-4bbb-8bbb-555555555555 --audience=\S+ --role=registry\.pull$/m
    );
    expect(main.stdout).toContain('Stopped before the exchange (diagnose): nothing was sent to Chainguard and nothing was written.');
    expect(h.emulators.sts.requests).toHaveLength(0);
    expect(main.outputs).toEqual({});
    expect(main.state).toEqual({});
    expect(main.exported).toEqual({});
  });
});

describe('through the Azure Pipelines task bundle', () => {
  it('App Service / Container Apps (an agent in a Container Apps job): detected, header masked, IMDS not asked', async () => {
    const job = h.azureJob();
    const env = h.emulators.environments.appService();
    const main = await h.azureMain(job, h.azureInputs({ identity: IDENTITY_APP_SERVICE }), env);
    expect(main.result).toBe('Succeeded');
    expect(main.stdout).toContain(
      'Identity source: the App Service / Container Apps identity endpoint (auto: IDENTITY_ENDPOINT and IDENTITY_HEADER are set)'
    );
    expect(h.emulators.imds.requests).toHaveLength(0);
    expect(readJwt(main.outputs.token.value)?.sub).toBe(IDENTITY_APP_SERVICE);
    expectOnlyMasked(main.stdout, env.IDENTITY_HEADER, azureMask);
  });

  it('IMDS, naming the source it chose', async () => {
    const main = await h.azureMain(h.azureJob(), h.azureInputs());
    expect(main.result).toBe('Succeeded');
    expect(main.stdout).toContain(
      'Identity source: IMDS (auto: azureAudience is set and no other Azure identity endpoint is in the environment)'
    );
  });

  it('refuses a selector Arc cannot use, naming it in camelCase, before any request', async () => {
    const main = await h.azureMain(
      h.azureJob(),
      h.azureInputs({ managedIdentityClientId: '22222222-aaaa-4aaa-8aaa-222222222222' }),
      h.emulators.environments.arc()
    );
    expect(main.result).toBe('Failed');
    expect(main.commands.find((c) => c.command === 'task.complete')?.message).toMatch(
      /^Input managedIdentityClientId cannot be used here: the identity source is arc \(auto: IDENTITY_ENDPOINT and IMDS_ENDPOINT are set\), and Azure Arc offers the machine's system-assigned identity only/
    );
    expect(h.emulators.arc.requests.length + h.emulators.imds.requests.length + h.emulators.sts.requests.length).toBe(0);
  });
});

describe('through the command-line tool', () => {
  it('diagnose: claims and command on stderr, nothing on stdout, no STS request, exit 0', async () => {
    const file = h.emulators.kubelet.writeToken({ ...JENKINS_SERVICE_ACCOUNT, issuer: 'https://kubernetes.default.svc.cluster.local' });
    const result = await h.cli({ HOME: h.dir }, [
      'diagnose',
      '--identity-source',
      'token-file',
      '--identity-token-file',
      file,
      '--issuer',
      h.emulators.sts.url
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('  issuer   (iss): https://kubernetes.default.svc.cluster.local');
    expect(result.stderr).toContain('--issuer-keys="$(kubectl get --raw /openid/v1/jwks)"');
    expect(h.emulators.sts.requests).toHaveLength(0);
  });

  it('logs in with a token file, as a Jenkins agent pod would', async () => {
    const file = h.emulators.kubelet.writeToken(JENKINS_SERVICE_ACCOUNT);
    const result = await h.cli({ HOME: h.dir, TMPDIR: h.dir }, [
      '--identity',
      IDENTITY_KUBERNETES,
      '--identity-token-file',
      file,
      '--issuer',
      h.emulators.sts.url,
      '--logout',
      'false'
    ]);
    expect(result.stderr).not.toMatch(/^error:/m);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`export DOCKER_CONFIG='${h.dir}/`);
    expect(readJwt(h.emulators.sts.issued[0])?.sub).toBe(IDENTITY_KUBERNETES);
  });
});
