// @ts-check
// A loopback emulator of the two Azure Resource Manager calls `az login` makes for a managed
// identity: list the subscriptions the identity can see (GET /subscriptions) and the tenants
// (GET /tenants), each with an api-version and a bearer token from the metadata service. The
// identity it serves has no role on any subscription (what `--allow-no-subscriptions` is for),
// so the list is empty and the CLI records a tenant-level account. Served over https, as the
// CLI refuses to send a bearer token over plain http.
import { startScripted } from './scripted.mjs';

/**
 * @param {{
 *   tenantId: string,
 *   accepts: (token: string) => boolean,
 *   tls: { key: string, cert: string, host: string },
 *   port?: number
 * }} options  `accepts` says whether a bearer token is one the metadata service issued
 */
export async function startArm(options) {
  /**
   * @param {number} status @param {string} code @param {string} message
   */
  const failure = (status, code, message) => ({ status, body: { error: { code, message } } });
  return startScripted(
    (req) => {
      if (req.method !== 'GET' || !['/subscriptions', '/tenants'].includes(req.url.pathname.replace(/\/$/, ''))) {
        return failure(404, 'NotFound', `No route for ${req.method} ${req.url.pathname}`);
      }
      if (!req.url.searchParams.get('api-version'))
        return failure(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
      const auth = String(req.headers.authorization ?? '');
      if (!auth.startsWith('Bearer '))
        return failure(401, 'AuthenticationFailed', 'Authentication failed. The Authorization header is missing.');
      if (!options.accepts(auth.slice('Bearer '.length))) return failure(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
      if (req.url.pathname.startsWith('/subscriptions')) return { status: 200, body: { value: [] } };
      return { status: 200, body: { value: [{ id: `/tenants/${options.tenantId}`, tenantId: options.tenantId, tenantCategory: 'Home' }] } };
    },
    { port: options.port, tls: options.tls }
  );
}
