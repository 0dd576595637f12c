/**
 * Services whose error answer echoes the request they got (its headers and body, in every field
 * an error text is read from): nothing sent to a service comes back in a message, through the
 * built GitHub step and the command-line tool (whose logs no runner masks). The secrets: the App
 * Service identity header, the Arc key, the Azure DevOps access token, GitHub's request token, the
 * workload-identity client assertion and the Azure token in the ACR exchange form. The harness's
 * sweep fails a test whose output carries any of them; each test also looks for them itself.
 */
import { startAcr } from '../../emulators/acr.mjs';
import { IDENTITY_AZURE_DEVOPS, IDENTITY_GITHUB, TENANT } from '../../emulators/index.mjs';
import { parseArgs } from '../../src/platform/cli-args.js';
import { cliPlatform } from '../../src/platform/cli.js';
import { useBundleHarness } from '../helpers/bundles.js';

const h = useBundleHarness();
const fast = { CHAINGUARD_LOGIN_TIME_SCALE: '0.01' };
const TEST_LOOPBACK = { CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS: '1' };
const ECHO = { echo: 400 };

/** Every line that carries `secret`, apart from the runner's own masking command. */
function carrying(output: string, secret: string): string[] {
  return output.split('\n').filter((line) => line.includes(secret) && line !== `::add-mask::${secret}`);
}

/** The one error the GitHub step printed, which must quote the service's echo (redacted). */
function echoedError(stdout: string): string {
  const errors = stdout.split('\n').filter((line) => line.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('body "');
  return errors[0];
}

describe('the GitHub step', () => {
  it('App Service / Container Apps: the identity header', async () => {
    const env = h.emulators.environments.appService();
    h.emulators.appService.script(ECHO);
    const main = await h.githubMain(h.githubJob(), h.githubInputs(), env);
    expect(main.code).toBe(1);
    expect(echoedError(main.stdout)).toContain('"x-identity-header":"[redacted]"');
    expect(carrying(main.stdout + main.stderr, env.IDENTITY_HEADER)).toEqual([]);
  });

  it('Azure Arc: the key', async () => {
    const env = h.emulators.environments.arc();
    // The challenge as usual, then the echo of the request that presents the key.
    h.emulators.arc.script({}, ECHO);
    const main = await h.githubMain(h.githubJob(), h.githubInputs(), { ...env, ...fast });
    expect(main.code).toBe(1);
    expect(echoedError(main.stdout)).toContain('"authorization":"Basic [redacted]"');
    expect(h.emulators.arc.keys).toHaveLength(1);
    expect(carrying(main.stdout + main.stderr, h.emulators.arc.keys[0])).toEqual([]);
  });

  it('workload identity: the client assertion', async () => {
    const env = h.emulators.environments.workloadIdentity();
    h.emulators.entra.script(ECHO);
    const main = await h.githubMain(h.githubJob(), h.githubInputs(), env);
    expect(main.code).toBe(1);
    expect(echoedError(main.stdout)).toContain('client_assertion=[redacted]');
    const [assertion] = h.emulators.kubelet.issued;
    expect(carrying(main.stdout + main.stderr, assertion)).toEqual([]);
  });

  it("GitHub's OIDC endpoint: the request token", async () => {
    const env = h.emulators.environments.github();
    h.emulators.github.script(ECHO);
    const main = await h.githubMain(h.githubJob(), h.githubInputs({ identity: IDENTITY_GITHUB, 'azure-audience': '' }), env);
    expect(main.code).toBe(1);
    expect(echoedError(main.stdout)).toContain('"authorization":"Bearer [redacted]"');
    expect(carrying(main.stdout + main.stderr, env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)).toEqual([]);
  });

  it('ACR: the Azure token in the exchange form, even one not shaped like a JWT', async () => {
    const acr = await startAcr({ azureTokens: h.emulators.imds, tenantId: TENANT });
    try {
      const opaque = 'opaque-azure-token-for-the-registry-7c1e5a';
      h.extraTokens.push(opaque);
      // The step's first token as usual (for the STS), then an opaque one for the registry.
      h.emulators.imds.script(
        {},
        {
          status: 200,
          body: { access_token: opaque, expires_in: '3599', resource: 'https://containerregistry.azure.net', token_type: 'Bearer' }
        }
      );
      acr.script(ECHO);
      const main = await h.githubMain(h.githubJob(), h.githubInputs({ 'acr-registries': acr.host }), TEST_LOOPBACK);
      expect(main.code).toBe(1);
      expect(echoedError(main.stdout)).toContain('access_token=[redacted]');
      expect(carrying(main.stdout + main.stderr, opaque)).toEqual([]);
    } finally {
      await acr.close();
    }
  });
});

describe('the command-line tool', () => {
  it('App Service / Container Apps: the identity header', async () => {
    const env = h.emulators.environments.appService();
    h.emulators.appService.script(ECHO);
    const result = await h.cli({ HOME: h.dir, ...env }, h.cliLogin());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"x-identity-header":"[redacted]"');
    expect(carrying(result.stderr, env.IDENTITY_HEADER)).toEqual([]);
  });

  it('Azure DevOps: the access token (SYSTEM_ACCESSTOKEN)', async () => {
    const { SYSTEM_OIDCREQUESTURI } = h.emulators.environments.azureDevOps();
    const accessToken = h.emulators.azureDevOps.accessToken;
    h.emulators.azureDevOps.script(ECHO);
    const result = await h.cli({ HOME: h.dir, SYSTEM_OIDCREQUESTURI, SYSTEM_ACCESSTOKEN: accessToken, ...TEST_LOOPBACK }, [
      '--identity',
      IDENTITY_AZURE_DEVOPS,
      '--issuer',
      h.emulators.sts.url
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"authorization":"Bearer [redacted]"');
    expect(carrying(result.stderr, accessToken)).toEqual([]);
  });

  it('prints no secret registered with setSecret on stderr, whatever the line; stdout (for eval) is left as it is', () => {
    const out: string[] = [];
    const err: string[] = [];
    const platform = cliPlatform(
      parseArgs(['--debug', '--export-token']),
      {},
      (line) => out.push(line),
      (line) => err.push(line)
    );
    const secret = 'a-registered-secret-3f9e';
    platform.setSecret(secret);
    platform.info(`info ${secret}`);
    platform.debug(`debug ${secret}`);
    platform.warning(`warning ${secret}`);
    platform.setFailed(`failed ${secret}.`);
    platform.setOutput('token', secret);
    expect(err).toEqual(['info ***', 'debug: debug ***', 'warning: warning ***', 'error: failed ***.']);
    expect(out).toEqual([`export CHAINGUARD_TOKEN='${secret}'`]);
  });
});
