/**
 * The credential helper's refresh, in process: the source the step used, chosen again from the
 * configuration's description (never a secret in it), then the exchange for the host.
 */
import { startAcr } from '../../../../emulators/acr.mjs';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, readJwt, startEmulators, TENANT } from '../../../../emulators/index.mjs';
import { HelperError } from '../../../../src/core/credential-helper/config.js';
import { defaultRefresh, describeSource, helperConfigFor, sourceFromDescription } from '../../../../src/core/credential-helper/refresh.js';
import { ACR_USERNAME, CHAINGUARD_USERNAME } from '../../../../src/core/docker/users.js';
import { send } from '../../../../src/core/net/http.js';
import { FakeClock } from '../../../helpers/clock.js';

type Emulators = Awaited<ReturnType<typeof startEmulators>>;
let emulators: Emulators;
beforeEach(async () => {
  emulators = await startEmulators();
});
afterEach(async () => {
  await emulators.close();
});

const HOST = 'cgr.dev';

function imdsConfig(acrRegistries: string[] = []) {
  const source = describeSource(
    'imds',
    { azureResource: AZURE_AUDIENCE },
    { AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url, HOME: '/home/runner' }
  );
  return helperConfigFor({
    source,
    registry: HOST,
    issuer: emulators.sts.url,
    identity: IDENTITY_SYSTEM,
    audience: HOST,
    acrRegistries,
    labels: { identity: 'identity' }
  });
}

const runtime = (masked: string[] = []) => ({ env: {}, clock: new FakeClock(), send, mask: (secret: string) => masked.push(secret) });

describe('describeSource', () => {
  it('keeps the variables the sources read that carry no secret, and no secret', () => {
    const source = describeSource(
      'app-service',
      { azureResource: AZURE_AUDIENCE },
      {
        IDENTITY_ENDPOINT: 'http://127.0.0.1:1/msi/token',
        IDENTITY_HEADER: 'a-secret-header',
        SYSTEM_ACCESSTOKEN: 'a-secret-token',
        PATH: '/usr/bin'
      }
    );
    expect(source).toEqual({
      kind: 'app-service',
      inputs: { azureResource: AZURE_AUDIENCE },
      env: { IDENTITY_ENDPOINT: 'http://127.0.0.1:1/msi/token' }
    });
  });
});

describe('defaultRefresh', () => {
  it('gets a fresh Chainguard token from the source the step used, masking every secret it handles', async () => {
    const masked: string[] = [];
    const credential = await defaultRefresh(imdsConfig(), runtime(masked))(HOST);
    expect(credential.username).toBe(CHAINGUARD_USERNAME);
    expect(credential.secret).toBe(emulators.sts.issued[0]);
    expect(Number(readJwt(credential.secret)?.exp) * 1000).toBe(credential.expiresAt.getTime());
    expect(masked).toEqual(expect.arrayContaining([credential.secret]));
  });

  it('gets an ACR refresh token from an Azure token of the same source for ACR', async () => {
    const acr = await startAcr({ azureTokens: emulators.imds, tenantId: TENANT });
    try {
      // The emulator listens on loopback, accepted only under the test-only setting the step kept.
      const config = imdsConfig([acr.host]);
      config.source.env.CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS = '1';
      const credential = await defaultRefresh(config, runtime())(acr.host);
      expect(credential).toMatchObject({ username: ACR_USERNAME, secret: acr.issued[0] });
    } finally {
      await acr.close();
    }
  });

  it("adds the setup doctor's advice when the STS refuses the token, in one message", async () => {
    const config = imdsConfig();
    config.hosts[HOST] = {
      kind: 'chainguard',
      issuer: emulators.sts.url,
      identity: `${IDENTITY_SYSTEM.split('/')[0]}/ffffffffffffffff`,
      audience: HOST
    };
    const error = (await defaultRefresh(config, runtime())(HOST).catch((e: Error) => e)) as Error;
    expect(error).toBeInstanceOf(HelperError);
    expect(error.message).toMatch(
      /^could not refresh the credential for cgr\.dev: Could not exchange the Azure token at Chainguard's STS .*must match the Azure token's claims/s
    );
    expect(error.message).toMatch(/chainctl iam identities create azure-vm-runners/);
  });

  it('refuses a host the configuration does not name', async () => {
    await expect(defaultRefresh(imdsConfig(), runtime())('ghcr.io')).rejects.toThrow('its configuration names no host ghcr.io');
  });
});

describe('sourceFromDescription', () => {
  it("says the source is not available in this process when its environment lacks the source's secret", () => {
    const source = describeSource('app-service', { azureResource: AZURE_AUDIENCE }, { IDENTITY_ENDPOINT: emulators.appService.endpoint });
    const config = helperConfigFor({ source, registry: HOST, issuer: emulators.sts.url, identity: IDENTITY_SYSTEM, audience: HOST });
    let error: unknown;
    try {
      sourceFromDescription(config, { env: {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HelperError);
    expect((error as HelperError).local).toBe(true);
    expect((error as Error).message).toMatch(
      /^the identity source app-service the login step used is not available here: identity-source is app-service, but IDENTITY_ENDPOINT and IDENTITY_HEADER are not both set/
    );
  });
});
