// @ts-check
// A loopback emulator of Chainguard's STS exchange endpoint: POST (or GET) /sts/exchange with
// the OIDC token as Bearer and aud / identity in the query or a form body (a JSON body is
// ignored, as by the real service). Refusals use grpc-gateway's {code, message} shape.
import { makeJwt, readJwt } from './jwt.mjs';
import { startScripted } from './scripted.mjs';

/**
 * @typedef {object} AssumableIdentity  what the identity's OIDC match requires
 * @property {string} issuer
 * @property {string} subject
 * @property {string} audience
 */

/**
 * @param {{
 *   identities: Record<string, AssumableIdentity>,
 *   port?: number,
 *   tls?: { key: string, cert: string, host: string },
 *   mintToken?: (claims: Record<string, unknown>) => string,
 *   tokenLifetimeSeconds?: number
 * }} options  `mintToken` decides the token issued (default: a fresh JWT with these claims);
 *   `tokenLifetimeSeconds` is how long issued tokens live (default 3600, as Chainguard's)
 */
export async function startSts(options) {
  /** @type {string[]} */
  const issued = [];
  /**
   * @param {number} status
   * @param {number} code
   * @param {string} message
   */
  const refuse = (status, code, message) => ({ status, body: { code, message, details: [] } });

  const server = await startScripted(
    (req) => {
      if (req.url.pathname !== '/sts/exchange' || (req.method !== 'POST' && req.method !== 'GET')) {
        return { status: 404, body: { code: 5, message: 'Not Found', details: [] } };
      }
      const params = new URLSearchParams(req.url.search);
      if (req.method === 'POST' && String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        for (const [k, v] of new URLSearchParams(req.body)) params.append(k, v);
      }
      const auth = String(req.headers.authorization ?? '');
      if (!auth.startsWith('Bearer ')) return refuse(401, 16, 'Unauthenticated: no bearer token');
      const audiences = params.getAll('aud').filter(Boolean);
      if (audiences.length === 0) return refuse(400, 3, 'Audience must be specified');
      const uidp = params.get('identity');
      if (!uidp) return refuse(400, 3, 'Identity must be specified');
      const claims = readJwt(auth.slice('Bearer '.length));
      if (!claims) return refuse(401, 16, 'Unauthenticated: malformed token');
      if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return refuse(401, 16, 'Unauthenticated: token expired');
      const expected = options.identities[uidp];
      if (!expected) return refuse(403, 7, 'PermissionDenied: identity not found or not assumable');
      const tokenAud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (claims.iss !== expected.issuer || claims.sub !== expected.subject || !tokenAud.includes(expected.audience)) {
        return refuse(403, 7, 'PermissionDenied: the token does not match the identity');
      }
      const now = Math.floor(Date.now() / 1000);
      const lifetime = options.tokenLifetimeSeconds ?? 3600;
      const issuedClaims = {
        iss: server.url,
        sub: uidp,
        aud: audiences.length === 1 ? audiences[0] : audiences,
        iat: now,
        exp: now + lifetime
      };
      const token = (options.mintToken ?? makeJwt)(issuedClaims);
      issued.push(token);
      return { status: 200, body: { token } };
    },
    { port: options.port, tls: options.tls }
  );
  return { ...server, issued };
}
