// @ts-check
// A loopback emulator of the managed-identity endpoint that App Service, Functions and Container
// Apps run beside an app (IDENTITY_ENDPOINT): GET …?api-version=2019-08-01&resource=… with the
// secret X-IDENTITY-HEADER; selectors client_id, principal_id (alias object_id), mi_res_id; the
// answer has expires_on and no expires_in.
import { randomBytes } from 'node:crypto';
import { azureToken, pickIdentity } from './azure-token.mjs';
import { startScripted } from './scripted.mjs';

/** @typedef {import('./azure-token.mjs').ManagedIdentity} ManagedIdentity */

const PATH = '/msi/token';

/**
 * @param {{
 *   tenantId: string,
 *   systemAssigned?: ManagedIdentity,
 *   userAssigned?: ManagedIdentity[],
 *   identityHeader?: string,
 *   tokenVersion?: 1 | 2,
 *   port?: number
 * }} options
 */
export async function startAppService(options) {
  const identityHeader = options.identityHeader ?? randomBytes(24).toString('hex');
  /** @type {string[]} */
  const issued = [];
  /** @param {number} status @param {string} message */
  const failure = (status, message) => ({ status, body: { statusCode: status, message } });

  const server = await startScripted(
    (req) => {
      if (req.method !== 'GET' || req.url.pathname.replace(/\/$/, '') !== PATH) return { status: 404, body: 'Not found' };
      if (req.headers['x-identity-header'] !== identityHeader)
        return failure(401, 'Unauthorized: the X-IDENTITY-HEADER is missing or does not match');
      const q = req.url.searchParams;
      if (q.get('api-version') !== '2019-08-01') return failure(400, 'Invalid or missing api-version');
      const resource = q.get('resource');
      if (!resource) return failure(400, 'resource is required');
      const picked = pickIdentity(
        q,
        { client_id: 'clientId', principal_id: 'objectId', object_id: 'objectId', mi_res_id: 'resourceId' },
        options.systemAssigned,
        options.userAssigned ?? []
      );
      if ('error' in picked) return failure(400, picked.error);
      const { token, expiresOn } = azureToken({
        tenantId: options.tenantId,
        identity: picked.identity,
        resource,
        tokenVersion: options.tokenVersion
      });
      issued.push(token);
      return {
        status: 200,
        body: { access_token: token, expires_on: String(expiresOn), resource, token_type: 'Bearer', client_id: picked.identity.clientId }
      };
    },
    { port: options.port }
  );
  return { ...server, issued, identityHeader, endpoint: `${server.url}${PATH}` };
}
