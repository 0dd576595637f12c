/**
 * The platforms' own OIDC tokens through the built bundles, as the runner and the agent hand them
 * over: GitHub's through @actions/core's getIDToken (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN pointing
 * at the emulator), Azure DevOps' through the task library's SystemVssConnection endpoint
 * (ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN) and System.OidcRequestUri. The request
 * token and the access token never appear in any output (the harness sweeps every run).
 */
import { AZURE_DEVOPS, IDENTITY_AZURE_DEVOPS, IDENTITY_AZURE_DEVOPS_CONNECTION, IDENTITY_GITHUB, readJwt } from '../../emulators/index.mjs';
import { useBundleHarness } from '../helpers/bundles.js';

const h = useBundleHarness();
/** The emulator's System.OidcRequestUri is on loopback: accepted only under the test-only setting. */
const azureDevOps = () => ({ ...h.emulators.environments.azureDevOps(), CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS: '1' });

describe('GitHub Actions OIDC, through the GitHub Action bundle', () => {
  it('is chosen when the job may ask for a token and azure-audience is not set', async () => {
    const job = h.githubJob();
    const main = await h.githubMain(
      job,
      h.githubInputs({ identity: IDENTITY_GITHUB, 'azure-audience': '' }),
      h.emulators.environments.github()
    );
    expect(main.stdout).not.toMatch(/::error::/);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain(
      "Identity source: GitHub Actions' OIDC provider (auto: ACTIONS_ID_TOKEN_REQUEST_URL is set and azure-audience is not)"
    );
    expect(h.emulators.imds.requests).toHaveLength(0);
    const [request] = h.emulators.github.requests;
    expect(request.url.searchParams.get('audience')).toBe('issuer.enforce.dev');
    expect(request.headers.authorization).toBe(`Bearer ${h.emulators.github.requestToken}`);
    expect(h.emulators.sts.requests[0].headers.authorization).toBe(`Bearer ${h.emulators.github.issued[0]}`);
    expect(readJwt(main.outputs.token)?.sub).toBe(IDENTITY_GITHUB);
    for (const line of main.stdout.split('\n').filter((l) => l.includes(h.emulators.github.issued[0]))) {
      expect(line).toBe(`::add-mask::${h.emulators.github.issued[0]}`);
    }
  });

  it('asks for oidc-audience, and shows it in the chainctl command when the identity expects another', async () => {
    const job = h.githubJob();
    const main = await h.githubMain(
      job,
      h.githubInputs({ identity: IDENTITY_GITHUB, 'azure-audience': '', 'oidc-audience': 'my-audience' }),
      h.emulators.environments.github()
    );
    expect(main.code).toBe(1);
    expect(h.emulators.github.requests[0].url.searchParams.get('audience')).toBe('my-audience');
    expect(main.stdout).toMatch(/::error::Could not exchange the GitHub OIDC token at Chainguard's STS .*HTTP 403/);
    expect(main.stdout).toContain('--subject=repo:octo-org/octo-repo:ref:refs/heads/main --audience=my-audience --role=registry.pull');
  });
});

describe('Azure DevOps OIDC, through the Azure Pipelines task bundle', () => {
  it("is chosen when System.OidcRequestUri is set and azureAudience is not, with the job's access token", async () => {
    const job = h.azureJob();
    const main = await h.azureMain(job, h.azureInputs({ identity: IDENTITY_AZURE_DEVOPS, azureAudience: '' }), azureDevOps());
    expect(main.result).toBe('Succeeded');
    expect(main.stdout).toContain(
      "Identity source: Azure DevOps' OIDC endpoint (auto: System.OidcRequestUri is set and azureAudience is not)"
    );
    expect(h.emulators.imds.requests).toHaveLength(0);
    const [request] = h.emulators.azureDevOps.requests;
    expect(request.method).toBe('POST');
    expect(request.headers.authorization).toBe(`Bearer ${h.emulators.azureDevOps.accessToken}`);
    expect(request.url.searchParams.get('serviceConnectionId')).toBeNull();
    expect(readJwt(main.outputs.token.value)?.sub).toBe(IDENTITY_AZURE_DEVOPS);
  });

  it("asks for the service connection's token with azureDevOpsServiceConnection", async () => {
    const job = h.azureJob();
    const main = await h.azureMain(
      job,
      h.azureInputs({
        identity: IDENTITY_AZURE_DEVOPS_CONNECTION,
        azureAudience: '',
        azureDevOpsServiceConnection: AZURE_DEVOPS.serviceConnectionId
      }),
      azureDevOps()
    );
    expect(main.result).toBe('Succeeded');
    expect(h.emulators.azureDevOps.requests[0].url.searchParams.get('serviceConnectionId')).toBe(AZURE_DEVOPS.serviceConnectionId);
    expect(readJwt(main.outputs.token.value)?.sub).toBe(IDENTITY_AZURE_DEVOPS_CONNECTION);
  });
});
