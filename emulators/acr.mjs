// @ts-check
// A loopback emulator of an Azure Container Registry's authentication endpoints, following
// ACR's documented AAD-OAuth flow: GET /v2/ challenges with a Bearer realm; POST
// /oauth2/exchange (form: grant_type=access_token, service, tenant, access_token) turns an Entra
// access token for https://containerregistry.azure.net into an ACR refresh token (a JWT living
// about three hours); docker then presents user 00000000-0000-0000-0000-000000000000 with the
// refresh token as password. Errors use the registry's {"errors":[{code,message}]} shape.
// Which status ACR gives an identity without a pull role is not documented; the emulator
// answers 403 DENIED (401 is kept for tokens it cannot accept).
import { makeJwt, readJwt } from './jwt.mjs';
import { startScripted } from './scripted.mjs';

export const ACR_RESOURCE = 'https://containerregistry.azure.net';
export const ACR_USERNAME = '00000000-0000-0000-0000-000000000000';

/**
 * @param {{
 *   azureTokens: { issued: readonly string[] },
 *   tenantId: string,
 *   pullers?: readonly string[],
 *   refreshLifetimeSeconds?: number,
 *   port?: number
 * }} options
 *   `azureTokens` is the identity emulator whose tokens are accepted (IMDS's `issued` list);
 *   `pullers` are the object IDs that hold AcrPull on this registry (default: every identity);
 *   `refreshLifetimeSeconds` is the refresh token's lifetime (default three hours)
 */
export async function startAcr(options) {
  /** @type {string[]} */
  const issued = [];
  /** @type {string[]} */
  const accessTokens = [];
  let host = '';
  const lifetime = options.refreshLifetimeSeconds ?? 3 * 3600;

  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {Record<string, string>} [headers]
   */
  const error = (status, code, message, headers = {}) => ({ status, body: { errors: [{ code, message, detail: null }] }, headers });
  const challenge = () =>
    error(401, 'UNAUTHORIZED', 'authentication required, visit https://aka.ms/acr/authorization for more information.', {
      'WWW-Authenticate': `Bearer realm="http://${host}/oauth2/token",service="${host}"`,
      'Docker-Distribution-Api-Version': 'registry/2.0'
    });
  /** @param {string} token */
  const liveRefreshToken = (token) => {
    if (!issued.includes(token)) return false;
    const claims = readJwt(token);
    return Boolean(claims && claims.exp * 1000 > Date.now() && claims.aud === host);
  };

  const server = await startScripted(
    (req) => {
      const path = req.url.pathname;
      if (path === '/v2/' || path === '/v2') {
        const auth = String(req.headers.authorization ?? '');
        const basic = /^Basic\s+(\S+)$/i.exec(auth);
        if (basic) {
          const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
          const colon = decoded.indexOf(':');
          const user = decoded.slice(0, colon);
          const password = decoded.slice(colon + 1);
          if (colon > 0 && user === ACR_USERNAME && liveRefreshToken(password))
            return { status: 200, body: {}, headers: { 'Docker-Distribution-Api-Version': 'registry/2.0' } };
          return challenge();
        }
        if (auth.startsWith('Bearer ') && accessTokens.includes(auth.slice(7))) return { status: 200, body: {} };
        return challenge();
      }

      if (path === '/oauth2/exchange') {
        // ACR answers 404 to anything but POST here.
        if (req.method !== 'POST') return { status: 404, body: '404 page not found' };
        const form = new URLSearchParams(
          String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? req.body : ''
        );
        if (form.get('grant_type') !== 'access_token') return error(400, 'UNSUPPORTED', 'grant_type must be access_token');
        if (form.get('service') !== host) return error(400, 'UNSUPPORTED', `service must be ${host}`);
        const azureToken = form.get('access_token') ?? '';
        const claims = readJwt(azureToken);
        if (!azureToken || !claims || !options.azureTokens.issued.includes(azureToken))
          return error(401, 'UNAUTHORIZED', 'token validation failed');
        if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return error(401, 'UNAUTHORIZED', 'token expired');
        if (claims.aud !== ACR_RESOURCE)
          return error(401, 'UNAUTHORIZED', `token validation failed: audience ${claims.aud} is not ${ACR_RESOURCE}`);
        const tenant = form.get('tenant');
        if (tenant && tenant !== claims.tid) return error(401, 'UNAUTHORIZED', 'token validation failed: tenant mismatch');
        if (claims.tid !== options.tenantId) return error(401, 'UNAUTHORIZED', 'token validation failed: unknown tenant');
        if (options.pullers && !options.pullers.includes(claims.oid)) {
          return error(
            403,
            'DENIED',
            `client with object id ${claims.oid} does not have authorization to perform action over registry ${host}`
          );
        }
        const now = Math.floor(Date.now() / 1000);
        const refreshToken = makeJwt({
          sub: claims.oid,
          nbf: now,
          iat: now,
          exp: now + lifetime,
          iss: 'Azure Container Registry',
          aud: host,
          version: '1.0',
          grant_type: 'refresh_token',
          tenant: claims.tid,
          permissions: { actions: ['read'], notActions: [] },
          roles: []
        });
        issued.push(refreshToken);
        return { status: 200, body: { refresh_token: refreshToken } };
      }

      if (path === '/oauth2/token') {
        const form = new URLSearchParams(req.method === 'POST' ? req.body : req.url.search);
        if (form.get('grant_type') !== 'refresh_token' || !liveRefreshToken(form.get('refresh_token') ?? ''))
          return error(401, 'UNAUTHORIZED', 'authentication required');
        const accessToken = makeJwt({
          iss: 'Azure Container Registry',
          aud: host,
          exp: Math.floor(Date.now() / 1000) + 75 * 60,
          grant_type: 'refresh_token_access'
        });
        accessTokens.push(accessToken);
        return { status: 200, body: { access_token: accessToken } };
      }
      return error(404, 'NOT_FOUND', 'not found');
    },
    { port: options.port }
  );
  host = `127.0.0.1:${server.port}`;
  return {
    ...server,
    /**
     * The login server, `127.0.0.1:<port>` (http, as only loopback may be). The step accepts a
     * loopback login server only under CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS=1.
     */
    host,
    /** Refresh tokens issued. */
    issued,
    /** Whether docker's Basic credential for this registry would be accepted (GET /v2/ → 200). */
    accepts: (/** @type {string} */ username, /** @type {string} */ password) => username === ACR_USERNAME && liveRefreshToken(password)
  };
}
