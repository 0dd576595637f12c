import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AZURE_AUDIENCE,
  AZURE_DEVOPS,
  IDENTITY_AZURE_DEVOPS_CONNECTION,
  IDENTITY_GITHUB,
  IDENTITY_SYSTEM,
  IDENTITY_USER_A,
  readJwt,
  startEmulators,
  SYSTEM,
  USER_A
} from '../../../../emulators/index.mjs';
import type { PlatformIdentity } from '../../../../src/core/platform.js';
import { basicAuth } from '../../../../src/core/docker/auth-file.js';
import { send } from '../../../../src/core/net/http.js';
import type { InputName } from '../../../../src/core/inputs/definitions.js';
import { cleanup, runCleanup } from '../../../../src/core/cleanup.js';
import { STATE_KEY } from '../../../../src/core/state.js';
import { runLogin } from '../../../../src/core/login/login.js';
import type { Runtime } from '../../../../src/core/runtime.js';
import { readTestSettings } from '../../../../src/core/test-settings.js';
import { FakeClock } from '../../../helpers/clock.js';
import { FakePlatform } from '../../../helpers/fake-platform.js';
import { removeTempDirs, tempDir } from '../../../helpers/temp.js';

type Emulators = Awaited<ReturnType<typeof startEmulators>>;
let emulators: Emulators;
let home: string;
let runnerTemp: string;

beforeEach(async () => {
  emulators = await startEmulators();
  home = tempDir();
  runnerTemp = path.join(home, 'temp');
});
afterEach(async () => {
  await emulators.close();
});
afterAll(removeTempDirs);

function runtime(extra: NodeJS.ProcessEnv = {}): Runtime {
  const env = { AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url, ...extra };
  return { env, clock: new FakeClock(), send, home, cwd: home, test: readTestSettings(env) };
}

function platform(inputs: Partial<Record<InputName, string>> = {}, offered?: PlatformIdentity): FakePlatform {
  return new FakePlatform(
    { identity: IDENTITY_SYSTEM, 'azure-audience': AZURE_AUDIENCE, issuer: emulators.sts.url, ...inputs },
    runnerTemp,
    offered
  );
}

/** What the GitHub adapter offers: getIDToken, which asks the runner's ID token endpoint. */
function githubOffer(): PlatformIdentity {
  return {
    githubIdToken: async (audience) => {
      const response = await fetch(`${emulators.github.requestUrl}&audience=${encodeURIComponent(audience)}`, {
        headers: { Authorization: `Bearer ${emulators.github.requestToken}` }
      });
      return ((await response.json()) as { value: string }).value;
    }
  };
}

function requestCount(): number {
  return emulators.imds.requests.length + emulators.sts.requests.length;
}

function leftovers(): string[] {
  return existsSync(runnerTemp) ? readdirSync(runnerTemp) : [];
}

describe('login', () => {
  it('logs in with the system-assigned identity: masks both tokens first, sets outputs, writes docker auth', async () => {
    const p = platform();
    await runLogin(p, runtime());
    expect(p.failures()).toEqual([]);
    const azureToken = emulators.imds.issued[0];
    const chainguardToken = emulators.sts.issued[0];
    expect(readJwt(azureToken)?.sub).toBe(SYSTEM.objectId);

    // Each token is masked before any other event carries it, and no log line ever carries it.
    for (const token of [azureToken, chainguardToken]) {
      const first = p.events.findIndex((e) => JSON.stringify(e).includes(token));
      expect(p.events[first]).toEqual({ kind: 'secret', value: token });
      expect(p.lines().some((line) => line.includes(token))).toBe(false);
    }
    const outputs = p.outputs();
    expect(outputs).toEqual({
      token: chainguardToken,
      'expires-at': new Date(readJwt(chainguardToken)!.exp * 1000).toISOString().replace('.000Z', 'Z'),
      identity: IDENTITY_SYSTEM,
      'docker-config': p.exports().DOCKER_CONFIG
    });
    expect(p.events.find((e) => e.kind === 'output' && e.name === 'token')).toMatchObject({ secret: true });
    const config = JSON.parse(readFileSync(path.join(outputs['docker-config'], 'config.json'), 'utf8'));
    expect(config).toEqual({ auths: { 'cgr.dev': { auth: basicAuth('_token', chainguardToken) } } });
    expect(p.exports().REGISTRY_AUTH_FILE).toBe(path.join(outputs['docker-config'], 'containers-auth.json'));

    await cleanup(p);
    expect(existsSync(outputs['docker-config'])).toBe(false);
  });

  it('logs in with a user-assigned identity chosen by client ID', async () => {
    const p = platform({ identity: IDENTITY_USER_A, 'managed-identity-client-id': USER_A.clientId });
    await runLogin(p, runtime());
    expect(p.failures()).toEqual([]);
    expect(emulators.imds.requests[0].url.searchParams.get('client_id')).toBe(USER_A.clientId);
    expect(readJwt(p.outputs().token)?.sub).toBe(IDENTITY_USER_A);
  });

  it('writes nothing to docker when docker-login is false, and saves no state when logout is false', async () => {
    const p = platform({ 'docker-login': 'false' });
    await runLogin(p, runtime());
    expect(p.failures()).toEqual([]);
    expect(p.outputs()['docker-config']).toBe('');
    expect(p.exports()).toEqual({});
    expect(leftovers()).toEqual([]);

    const q = platform({ logout: 'false' });
    await runLogin(q, runtime());
    expect(q.state.size).toBe(0);
    expect(leftovers()).toHaveLength(1);
  });

  it('refuses invalid inputs before any request and writes nothing', async () => {
    const p = platform({ registry: 'https://cgr.dev/chainguard' });
    await runLogin(p, runtime());
    expect(p.failures()).toEqual([expect.stringMatching(/^Input registry must not include a scheme/)]);
    expect(requestCount()).toBe(0);
    expect(p.outputs()).toEqual({});
    expect(leftovers()).toEqual([]);
  });

  it('leaves nothing behind when the exchange is refused', async () => {
    const p = platform({ identity: IDENTITY_USER_A }); // the system identity is not trusted by this one
    await runLogin(p, runtime());
    expect(p.failures()).toEqual([expect.stringMatching(/Could not exchange the Azure token .*HTTP 403/)]);
    expect(p.outputs()).toEqual({});
    expect(p.exports()).toEqual({});
    expect(p.state.size).toBe(0);
    expect(leftovers()).toEqual([]);
  });

  it('gives up when the timeout input expires, saying what it was waiting for', async () => {
    emulators.imds.script({ hang: true });
    const p = platform({ timeout: '1' });
    const started = Date.now();
    await runLogin(p, runtime());
    expect(Date.now() - started).toBeLessThan(5000);
    expect(p.failures()).toEqual([
      expect.stringMatching(
        /^Timed out after 1 s \(timeout\) while waiting for an Azure token from IMDS \(http:\/\/127\.0\.0\.1:\d+\/metadata\/identity\/oauth2\/token\)/
      )
    ]);
    expect(leftovers()).toEqual([]);
  });

  it("logs in with GitHub's OIDC token, chosen automatically when azure-audience is not set", async () => {
    const p = platform({ identity: IDENTITY_GITHUB, 'azure-audience': '' }, githubOffer());
    await runLogin(p, runtime(emulators.environments.github()));
    expect(p.failures()).toEqual([]);
    expect(p.lines()).toContain(
      "Identity source: GitHub Actions' OIDC provider (auto: ACTIONS_ID_TOKEN_REQUEST_URL is set and azure-audience is not)"
    );
    expect(emulators.github.requests[0].url.searchParams.get('audience')).toBe('issuer.enforce.dev');
    expect(emulators.imds.requests).toHaveLength(0);
    expect(readJwt(p.outputs().token)?.sub).toBe(IDENTITY_GITHUB);
    const [oidc] = emulators.github.issued;
    expect(p.events.find((e) => JSON.stringify(e).includes(oidc))).toEqual({ kind: 'secret', value: oidc });
  });

  it("logs in with an Azure DevOps service connection's OIDC token from what the task library offers", async () => {
    const env = emulators.environments.azureDevOps();
    const offered: PlatformIdentity = {
      azureDevOpsAccessToken: () => env.ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN,
      variable: (name) => (name === 'System.OidcRequestUri' ? env.SYSTEM_OIDCREQUESTURI : undefined)
    };
    const p = platform(
      {
        identity: IDENTITY_AZURE_DEVOPS_CONNECTION,
        'azure-audience': '',
        'azure-devops-service-connection': AZURE_DEVOPS.serviceConnectionId
      },
      offered
    );
    await runLogin(p, runtime({ CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS: '1' }));
    expect(p.failures()).toEqual([]);
    expect(readJwt(p.outputs().token)?.sub).toBe(IDENTITY_AZURE_DEVOPS_CONNECTION);
    expect(p.events.filter((e) => e.kind === 'secret').map((e) => (e as { value: string }).value)).toEqual([
      emulators.azureDevOps.accessToken,
      emulators.azureDevOps.issued[0],
      emulators.sts.issued[0]
    ]);
  });

  it('prints the chainctl command built from the presented token when the STS refuses it', async () => {
    const p = platform({ identity: IDENTITY_SYSTEM, 'azure-audience': '' }, githubOffer());
    await runLogin(p, runtime(emulators.environments.github()));
    const [message] = p.failures();
    expect(message).toMatch(
      /^Could not exchange the GitHub OIDC token at Chainguard's STS \(http:\/\/127\.0\.0\.1:\d+\/sts\/exchange\): HTTP 403 PermissionDenied/
    );
    expect(message).toContain(
      `chainctl iam identities create github-actions --parent=${IDENTITY_SYSTEM.split('/')[0]} --identity-issuer=https://token.actions.githubusercontent.com --subject=repo:octo-org/octo-repo:ref:refs/heads/main --audience=issuer.enforce.dev --role=registry.pull`
    );
    expect(message).not.toContain(emulators.github.issued[0]);
    expect(leftovers()).toEqual([]);
  });

  it('diagnoses: gets the token, prints its claims and the command, and stops before the exchange', async () => {
    const p = platform({ identity: '', diagnose: 'true' });
    await runLogin(p, runtime());
    expect(p.failures()).toEqual([]);
    expect(emulators.imds.requests).toHaveLength(1);
    expect(emulators.sts.requests).toHaveLength(0);
    expect(p.outputs()).toEqual({});
    expect(p.exports()).toEqual({});
    expect(p.state.size).toBe(0);
    expect(leftovers()).toEqual([]);
    const lines = p.lines();
    expect(lines).toContain(`  subject  (sub): ${SYSTEM.objectId}`);
    expect(lines).toContain(
      `  chainctl iam identities create azure-vm-runners --identity-issuer=https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0 --subject=${SYSTEM.objectId} --audience=3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c --role=registry.pull`
    );
    expect(lines.at(-1)).toBe('Stopped before the exchange (diagnose): nothing was sent to Chainguard and nothing was written.');
    expect(lines.join('\n')).not.toContain(emulators.imds.issued[0]);
  });

  it('cleans up nothing, quietly, when the main step saved no state', async () => {
    const p = platform();
    await runCleanup(p);
    expect(p.lines()).toEqual(['Nothing to clean up.']);
  });

  it('reports a failed cleanup as a warning', async () => {
    const p = platform();
    p.state.set(STATE_KEY, JSON.stringify({ version: 2, jobDir: '/etc', marker: 'x', registry: 'cgr.dev' }));
    await runCleanup(p);
    expect(p.events).toEqual([
      { kind: 'warning', message: expect.stringMatching(/Could not remove the registry login: Refusing to clean up \/etc/) }
    ]);
  });
});
