/** The one client for token endpoints: one status error per dialect, redacted; the retry loop; the token answer. */
import type { HttpResponse } from '../../../../src/core/net/http.js';
import { accessTokenFrom, callEndpoint, expiryFrom, serviceStatus, ServiceStatus } from '../../../../src/core/net/token-endpoint.js';
import { testContext } from '../../../helpers/context.js';

const SECRET = 'the-header-that-was-sent';
const answer = (status: number, body: unknown, secrets: string[] = []): HttpResponse => ({
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
  secrets
});

describe('serviceStatus', () => {
  it("reads each service's way of saying what went wrong, and redacts everything the request carried", () => {
    const oauth = serviceStatus(answer(400, { error: 'invalid_request', error_description: `bad header ${SECRET}` }, [SECRET]));
    expect(oauth).toBeInstanceOf(ServiceStatus);
    expect(oauth.summary).toBe('HTTP 400 (invalid_request: bad header [redacted])');
    expect(serviceStatus(answer(403, { code: 7, message: `nope ${SECRET}` }, [SECRET]), 'grpc').summary).toBe(
      'HTTP 403 PermissionDenied: nope [redacted]'
    );
    expect(serviceStatus(answer(401, { errors: [{ code: 'UNAUTHORIZED', message: 'who?' }] }), 'registry').summary).toBe(
      'HTTP 401 UNAUTHORIZED: who?'
    );
    expect(serviceStatus(answer(502, '<html>proxy error</html>')).summary).toBe('HTTP 502');
  });
});

describe('callEndpoint', () => {
  it('retries under the rules, with one debug line per retry, and throws the last status error', async () => {
    const context = testContext();
    const statuses = [503, 503, 200];
    const response = await callEndpoint(
      {
        label: 'Test endpoint',
        rules: {
          statuses: [503],
          retries: 2,
          backoff: { baseMs: 10, capMs: 10 },
          network: { kinds: [], retries: 0, backoff: { baseMs: 1, capMs: 1 } }
        },
        attempt: async () => answer(statuses.shift() as number, {})
      },
      context
    );
    expect(response.status).toBe(200);
    expect(context.debugs).toEqual([
      'Test endpoint attempt 1 failed (HTTP 503); retrying in 10 ms',
      'Test endpoint attempt 2 failed (HTTP 503); retrying in 10 ms'
    ]);
    await expect(
      callEndpoint(
        {
          label: 'Test endpoint',
          rules: {
            statuses: [],
            retries: 0,
            backoff: { baseMs: 1, capMs: 1 },
            network: { kinds: [], retries: 0, backoff: { baseMs: 1, capMs: 1 } }
          },
          attempt: async () => answer(404, { message: 'gone' })
        },
        testContext()
      )
    ).rejects.toMatchObject({ summary: 'HTTP 404 (gone)' });
  });

  it("asks a service's own rule first", async () => {
    const context = testContext();
    let attempts = 0;
    await callEndpoint(
      {
        label: 'Own rule',
        rules: {
          statuses: [],
          retries: 0,
          backoff: { baseMs: 1, capMs: 1 },
          network: { kinds: [], retries: 0, backoff: { baseMs: 1, capMs: 1 } }
        },
        retry: (error) => ((error as ServiceStatus).response.status === 410 ? 5 : 'rules'),
        attempt: async () => answer(++attempts === 1 ? 410 : 200, {})
      },
      context
    );
    expect(context.clock.sleeps).toEqual([5]);
  });
});

describe('accessTokenFrom', () => {
  it('masks the token before anything else, and refuses an answer that is not a token, masking its long values', () => {
    const context = testContext();
    const token = accessTokenFrom(answer(200, { access_token: 'eyJ.token.value', expires_in: '60' }), context, 'call', 'elsewhere');
    expect(token.token).toBe('eyJ.token.value');
    expect(context.masked).toEqual(['eyJ.token.value']);
    expect(() =>
      accessTokenFrom(answer(200, { token: 'a-long-value-that-may-be-a-secret' }), context, 'Could not', 'Look elsewhere.')
    ).toThrow('Could not: it answered 200 with a body that is JSON without an access_token. Look elsewhere.');
    expect(context.masked).toContain('a-long-value-that-may-be-a-secret');
  });

  it('reads the expiry from expires_on (seconds or a date) or expires_in', () => {
    expect(expiryFrom({ expires_on: '1702429034' }, 0)?.toISOString()).toBe('2023-12-13T00:57:14.000Z');
    expect(expiryFrom({ expires_in: 60 }, 1_000)?.getTime()).toBe(61_000);
    expect(expiryFrom({}, 0)).toBeUndefined();
  });
});
