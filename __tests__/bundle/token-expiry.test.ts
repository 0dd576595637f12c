/**
 * The STS answers with a token whose expiry is in the past or absurd: refused with a message
 * naming the STS's answer, leaving nothing behind. Run through the built GitHub bundle.
 */
import { readdirSync } from 'node:fs';
import { makeJwt } from '../../emulators/index.mjs';
import { useBundleHarness } from '../helpers/bundles.js';

const h = useBundleHarness();

it.each<[string, number, RegExp]>([
  ['in the past', 1, /the token it returned expired at 1970-01-01T00:00:01Z, before now/],
  ['an hour ago', Math.floor(Date.now() / 1000) - 3600, /the token it returned expired at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, before now/],
  ['absurdly far ahead', 1e15, /the token it returned has an expiry \(exp 1000000000000000\) that is not a plausible time/]
])('refuses a Chainguard token that expires %s', async (_what, exp, message) => {
  const token = makeJwt({ sub: 'x', aud: 'cgr.dev', exp });
  h.extraTokens.push(token);
  h.emulators.sts.script({ status: 200, body: { token } });
  const job = h.githubJob();
  const main = await h.githubMain(job, h.githubInputs());
  expect(main.code).toBe(1);
  const errors = main.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^::error::Could not exchange the Azure token at Chainguard's STS \(.*\): /);
  expect(errors[0]).toMatch(message);
  expect(errors[0]).toMatch(/Check the issuer input/);
  expect(main.outputs).toEqual({});
  expect(main.state).toEqual({});
  expect(readdirSync(job.temp)).toEqual([]);
});

describe("the identity token's expiry", () => {
  it('is left unknown, not an invalid date, when IMDS gives an absurd one', async () => {
    const { expiryFrom } = await import('../../src/core/net/token-endpoint.js');
    expect(expiryFrom({ expires_on: '9'.repeat(30) }, 0)).toBeUndefined();
    expect(expiryFrom({ expires_on: 'not a date' }, 0)).toBeUndefined();
    expect(expiryFrom({ expires_on: '9'.repeat(30), expires_in: '3599' }, 1_000)?.getTime()).toBe(1_000 + 3_599_000);
    expect(expiryFrom({ expires_in: '9'.repeat(30) }, 0)).toBeUndefined();
  });
});

describe("an ACR refresh token's expiry", () => {
  it.each<[string, number, RegExp]>([
    [
      'in the past',
      Math.floor(Date.now() / 1000) - 60,
      /the refresh token it returned expired at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, before now \(.*\)\. Check acr-registries: .*, and this machine's clock/
    ],
    [
      'absurdly far ahead (exp 1e20)',
      1e20,
      /the refresh token it returned has an expiry \(exp 100000000000000000000\) that is not a plausible time\. Check acr-registries/
    ]
  ])('refuses one that expires %s, naming the registry, and writes nothing', async (_what, exp, message) => {
    const { startAcr } = await import('../../emulators/acr.mjs');
    const { TENANT } = await import('../../emulators/index.mjs');
    const acr = await startAcr({ azureTokens: h.emulators.imds, tenantId: TENANT });
    try {
      const refreshToken = makeJwt({ iss: 'Azure Container Registry', aud: acr.host, exp });
      h.extraTokens.push(refreshToken);
      acr.script({ status: 200, body: { refresh_token: refreshToken } });
      const job = h.githubJob();
      const main = await h.githubMain(job, h.githubInputs({ 'acr-registries': acr.host }), {
        CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS: '1'
      });
      expect(main.code).toBe(1);
      const errors = main.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(
        `::error::Could not log in to the Azure Container Registry ${acr.host} (POST http://${acr.host}/oauth2/exchange): `
      );
      expect(errors[0]).toMatch(message);
      expect(main.outputs).toEqual({});
      expect(main.state).toEqual({});
      expect(main.exported).toEqual({});
      expect(readdirSync(job.temp)).toEqual([]);
    } finally {
      await acr.close();
    }
  });
});
