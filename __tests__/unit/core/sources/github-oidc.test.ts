import { makeJwt } from '../../../../emulators/index.mjs';
import { githubOidcAvailable, GithubOidcSource } from '../../../../src/core/sources/github-oidc.js';
import type { PlatformIdentity } from '../../../../src/core/platform.js';
import { testContext } from '../../../helpers/context.js';
import { failure } from '../../../helpers/failure.js';

const ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.actions.githubusercontent.com/abc/idtoken?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-value'
};
const jwt = makeJwt({
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:o/r:ref:refs/heads/main',
  aud: 'issuer.enforce.dev',
  exp: Math.floor(Date.now() / 1000) + 300
});

describe('GithubOidcSource', () => {
  it('asks the runner library for a token with the audience, and masks it', async () => {
    const asked: string[] = [];
    const platform: PlatformIdentity = { githubIdToken: async (audience) => (asked.push(audience), jwt) };
    const context = testContext({ platform });
    const source = new GithubOidcSource('issuer.enforce.dev', ENV);
    const result = await source.getToken(context);
    expect(asked).toEqual(['issuer.enforce.dev']);
    expect(result.token).toBe(jwt);
    expect(context.masked).toEqual([jwt]);
    expect(result.expiresAt?.getTime()).toBeGreaterThan(Date.now());
    // Where it asks, without the query (which the runner treats as sensitive).
    expect(source.endpoint).toBe('https://pipelines.actions.githubusercontent.com/abc/idtoken');
  });

  it("wraps the runner library's failure, naming the permission", async () => {
    const platform: PlatformIdentity = { githubIdToken: async () => Promise.reject(new Error('Failed to get ID Token. Error Code : 403')) };
    const error = await failure(new GithubOidcSource('aud', ENV).getToken(testContext({ platform })));
    expect(error.message).toBe(
      'Could not get GitHub\'s OIDC token (audience aud): Failed to get ID Token. Error Code : 403. Check that the job has "permissions: id-token: write".'
    );
  });

  it('says only the action can ask when the platform offers no token (the command-line tool)', async () => {
    const error = await failure(new GithubOidcSource('aud', ENV).getToken(testContext()));
    expect(error.message).toMatch(/only the GitHub Action can ask for it/);
  });

  it('refuses what is not a JWT, after masking it', async () => {
    const context = testContext({ platform: { githubIdToken: async () => 'opaque-value-from-runner' } });
    const error = await failure(new GithubOidcSource('aud', ENV).getToken(context));
    expect(error.message).toMatch(/not a JWT/);
    expect(context.masked).toEqual(['opaque-value-from-runner']);
  });

  it("stops waiting for the runner library when the step's timeout expires", async () => {
    const controller = new AbortController();
    const platform: PlatformIdentity = { githubIdToken: () => new Promise<string>(() => undefined) };
    const pending = failure(new GithubOidcSource('aud', ENV).getToken(testContext({ platform, signal: controller.signal })));
    controller.abort(new Error('timed out'));
    expect((await pending).message).toBe('timed out');
  });

  it('refuses ACTIONS_ID_TOKEN_REQUEST_URL over plain http off this machine, naming it; takes http on loopback', () => {
    expect(
      () => new GithubOidcSource('aud', { ...ENV, ACTIONS_ID_TOKEN_REQUEST_URL: 'http://pipelines.example/idtoken?api-version=2.0' })
    ).toThrow(/^ACTIONS_ID_TOKEN_REQUEST_URL \(http:\/\/pipelines\.example\) uses plain http off this machine/);
    expect(() => new GithubOidcSource('aud', { ...ENV, ACTIONS_ID_TOKEN_REQUEST_URL: 'ftp://pipelines.example/idtoken' })).toThrow(
      /^ACTIONS_ID_TOKEN_REQUEST_URL must be an https URL/
    );
    expect(
      new GithubOidcSource('aud', { ...ENV, ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:8080/idtoken?api-version=2.0' }).endpoint
    ).toBe('http://127.0.0.1:8080/idtoken');
  });

  it("removes the request token from the runner library's failure, whatever shape it is quoted in", async () => {
    const platform: PlatformIdentity = {
      githubIdToken: async () =>
        Promise.reject(
          new Error(
            `Failed to get ID Token. Error Message: bad header Bearer ${ENV.ACTIONS_ID_TOKEN_REQUEST_TOKEN} (${encodeURIComponent(ENV.ACTIONS_ID_TOKEN_REQUEST_TOKEN)})`
          )
        )
    };
    const error = await failure(new GithubOidcSource('aud', ENV).getToken(testContext({ platform })));
    expect(error.message).toContain('bad header Bearer [redacted] ([redacted])');
    expect(error.message).not.toContain(ENV.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  });

  it('is available only when the runner set both request variables', () => {
    expect(githubOidcAvailable(ENV)).toBe(true);
    expect(githubOidcAvailable({ ACTIONS_ID_TOKEN_REQUEST_URL: ENV.ACTIONS_ID_TOKEN_REQUEST_URL })).toBe(false);
    expect(githubOidcAvailable({ GITHUB_ACTIONS: 'true' })).toBe(false);
  });
});
