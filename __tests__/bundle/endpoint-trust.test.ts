/**
 * Secrets go only to endpoints that were checked, through the built bundles:
 * - GitHub's request token never goes over plain http off this machine (ACTIONS_ID_TOKEN_REQUEST_URL);
 * - the job's Azure DevOps access token goes only to Azure DevOps Services hosts (System.OidcRequestUri);
 * - a loopback ACR login server or OIDC request URI (the project's emulators) is accepted only under
 *   the test-only setting CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS, with a warning naming it;
 * - calls to loopback never go through the agent's proxy (and calls elsewhere still do).
 */
import { readdirSync } from 'node:fs';
import { startAcr } from '../../emulators/acr.mjs';
import {
  AZURE_DEVOPS,
  IDENTITY_AZURE_DEVOPS,
  IDENTITY_GITHUB,
  IDENTITY_SYSTEM,
  startAzureDevOpsOidc,
  TENANT
} from '../../emulators/index.mjs';
import { useBundleHarness } from '../helpers/bundles.js';
import { startProxy } from '../helpers/proxy.js';
import { makeSelfSignedCert, type TestTls } from '../helpers/tls.js';

const h = useBundleHarness();
const TEST_LOOPBACK = { CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS: '1' };
const SETTING_WARNING = /CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS is set: .*for tests only/;

const tls: TestTls = { key: '', cert: '', host: 'ado.example.test', certFile: '' };
beforeAll(() => makeSelfSignedCert(tls));

const errorsOf = (stdout: string): string[] => stdout.split('\n').filter((line) => line.startsWith('::error::'));
const azureErrors = (main: { commands: { command: string; properties: Record<string, string>; message: string }[] }) =>
  main.commands.filter((c) => c.command === 'task.issue' && c.properties.type === 'error').map((c) => c.message);
const azureWarnings = (main: { commands: { command: string; properties: Record<string, string>; message: string }[] }) =>
  main.commands.filter((c) => c.command === 'task.issue' && c.properties.type === 'warning').map((c) => c.message);

describe('ACTIONS_ID_TOKEN_REQUEST_URL', () => {
  it('is refused over plain http to a host that is not loopback, naming the variable; the request token is not sent', async () => {
    const github = h.emulators.environments.github();
    const offMachine = github.ACTIONS_ID_TOKEN_REQUEST_URL.replace('127.0.0.1', 'runner.example.test');
    const main = await h.githubMain(h.githubJob(), h.githubInputs({ identity: IDENTITY_GITHUB, 'azure-audience': '' }), {
      ...github,
      ACTIONS_ID_TOKEN_REQUEST_URL: offMachine
    });
    expect(h.emulators.github.requests).toHaveLength(0);
    expect(main.code).toBe(1);
    const errors = errorsOf(main.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/ACTIONS_ID_TOKEN_REQUEST_URL \(http:\/\/runner\.example\.test:\d+\) uses plain http off this machine/);
  });

  it('is used over http on loopback (no test setting needed: the runner is on this machine)', async () => {
    const main = await h.githubMain(
      h.githubJob(),
      h.githubInputs({ identity: IDENTITY_GITHUB, 'azure-audience': '' }),
      h.emulators.environments.github()
    );
    expect(main.code).toBe(0);
    expect(main.stdout).not.toMatch(SETTING_WARNING);
  });
});

describe('System.OidcRequestUri', () => {
  it('is refused on an https host that is not Azure DevOps Services, naming the variable; the access token is not sent', async () => {
    const elsewhere = await startAzureDevOpsOidc({ ...AZURE_DEVOPS, tls });
    try {
      const env = {
        ...h.emulators.environments.azureDevOps(),
        SYSTEM_OIDCREQUESTURI: elsewhere.requestUri,
        NODE_EXTRA_CA_CERTS: tls.certFile
      };
      h.extraTokens.push(elsewhere.accessToken);
      const main = await h.azureMain(h.azureJob(), h.azureInputs({ identity: IDENTITY_AZURE_DEVOPS, azureAudience: '' }), {
        ...env,
        ENDPOINT_AUTH_SYSTEMVSSCONNECTION: JSON.stringify({ parameters: { AccessToken: elsewhere.accessToken }, scheme: 'OAuth' }),
        ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN: elsewhere.accessToken
      });
      h.extraTokens.push(...elsewhere.issued);
      expect(elsewhere.requests).toHaveLength(0);
      expect(main.result).toBe('Failed');
      const errors = azureErrors(main);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /System\.OidcRequestUri \(https:\/\/ado\.example\.test:\d+\) is not an Azure DevOps Services address \(dev\.azure\.com or \*\.visualstudio\.com\)/
      );
    } finally {
      await elsewhere.close();
    }
  });

  it('is refused on loopback without the test setting, naming the variable and the setting; with it, used with a warning', async () => {
    const inputs = h.azureInputs({ identity: IDENTITY_AZURE_DEVOPS, azureAudience: '' });
    const refused = await h.azureMain(h.azureJob('refused'), inputs, h.emulators.environments.azureDevOps());
    expect(refused.result).toBe('Failed');
    expect(h.emulators.azureDevOps.requests).toHaveLength(0);
    expect(azureErrors(refused)).toEqual([
      expect.stringMatching(
        /System\.OidcRequestUri \(http:\/\/127\.0\.0\.1:\d+\) is a loopback address, accepted only for tests with CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS=1/
      )
    ]);

    const accepted = await h.azureMain(h.azureJob('accepted'), inputs, { ...h.emulators.environments.azureDevOps(), ...TEST_LOOPBACK });
    expect(accepted.result).toBe('Succeeded');
    expect(azureWarnings(accepted)).toEqual([expect.stringMatching(SETTING_WARNING)]);
  });
});

describe('a loopback ACR login server', () => {
  it('is refused without the test setting before any request, naming acr-registries and the setting; with it, used with a warning', async () => {
    const acr = await startAcr({ azureTokens: h.emulators.imds, tenantId: TENANT });
    try {
      const job = h.githubJob();
      const refused = await h.githubMain(job, h.githubInputs({ 'acr-registries': acr.host }));
      expect(refused.code).toBe(1);
      expect(errorsOf(refused.stdout)).toEqual([
        expect.stringMatching(
          /^::error::Input acr-registries names 127\.0\.0\.1:\d+, a loopback address: accepted only for tests with CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS=1/
        )
      ]);
      expect(h.emulators.imds.requests).toHaveLength(0);
      expect(acr.requests).toHaveLength(0);
      expect(readdirSync(job.temp)).toEqual([]);

      const accepted = await h.githubMain(h.githubJob('accepted'), h.githubInputs({ 'acr-registries': acr.host }), TEST_LOOPBACK);
      h.extraTokens.push(...acr.issued);
      expect(accepted.code).toBe(0);
      expect(acr.issued).toHaveLength(1);
      expect(accepted.stdout.split('\n').filter((line) => line.startsWith('::warning::'))).toEqual([
        expect.stringMatching(SETTING_WARNING)
      ]);
    } finally {
      await acr.close();
    }
  });

  it('is refused in the command-line tool too, and the warning is printed whenever the setting is set', async () => {
    const refused = await h.cli({ HOME: h.dir }, [
      '--identity',
      IDENTITY_SYSTEM,
      '--identity-token-file',
      '/nonexistent',
      '--acr-registries',
      '127.0.0.1:5000',
      '--docker-login',
      'false'
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /error: Input --acr-registries names 127\.0\.0\.1:5000, a loopback address: accepted only for tests with CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS=1/
    );
    const warned = await h.cli({ HOME: h.dir, ...TEST_LOOPBACK }, [
      '--identity',
      IDENTITY_SYSTEM,
      '--identity-token-file',
      '/nonexistent',
      '--docker-login',
      'false'
    ]);
    expect(warned.stderr).toMatch(new RegExp(`^warning: ${SETTING_WARNING.source}`, 'm'));
  });
});

describe("loopback calls and the agent's proxy", () => {
  it('never sends a loopback STS or ACR call through the proxy', async () => {
    const proxy = await startProxy();
    const acr = await startAcr({ azureTokens: h.emulators.imds, tenantId: TENANT });
    try {
      const agentNetwork = { AGENT_PROXYURL: proxy.url, AGENT_PROXYBYPASSLIST: '[]' };
      const main = await h.azureMain(h.azureJob(), h.azureInputs({ acrRegistries: acr.host }), { ...agentNetwork, ...TEST_LOOPBACK });
      h.extraTokens.push(...acr.issued);
      expect(main.result).toBe('Succeeded');
      expect(h.emulators.sts.requests).toHaveLength(1);
      expect(acr.issued).toHaveLength(1);
      expect(proxy.seen).toEqual([]);
    } finally {
      await Promise.all([proxy.close(), acr.close()]);
    }
  });
});
