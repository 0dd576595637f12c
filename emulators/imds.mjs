// @ts-check
// A loopback emulator of the Azure Instance Metadata Service's managed-identity endpoint,
// following its documented behaviour: GET /metadata/identity/oauth2/token with Metadata: true,
// api-version, resource, and at most one of client_id / object_id / msi_res_id.
//
// It also serves the same identities the way the older VM managed-identity extension did, which
// is what the Azure CLI (2.45, through msrestazure) calls when MSI_ENDPOINT is set: POST to the
// endpoint (the extension's was http://localhost:50342/oauth2/token) with Metadata: true and a
// form body of resource and at most one of client_id / object_id / msi_res_id, no api-version.
import { makeJwt } from './jwt.mjs';
import { startScripted } from './scripted.mjs';

/** Where the VM extension took token requests; MSI_ENDPOINT for the Azure CLI points here. */
export const LEGACY_MSI_PATH = '/oauth2/token';

/**
 * @typedef {object} ManagedIdentity
 * @property {string} clientId
 * @property {string} objectId
 * @property {string} [resourceId]  user-assigned identities only
 */

/**
 * @typedef {object} ImdsOptions
 * @property {string} tenantId
 * @property {ManagedIdentity} [systemAssigned]
 * @property {ManagedIdentity[]} [userAssigned]
 * @property {1 | 2} [tokenVersion]  the Entra app's requestedAccessTokenVersion (default 2)
 * @property {number} [port]
 */

/**
 * @param {ImdsOptions} options
 */
export async function startImds(options) {
  const userAssigned = options.userAssigned ?? [];
  /** @type {string[]} */
  const issued = [];
  /**
   * @param {number} status
   * @param {string} error
   * @param {string} description
   */
  const failure = (status, error, description) => ({ status, body: { error, error_description: description } });

  /**
   * Picks the identity the selectors name and issues its token for `resource`.
   * @param {URLSearchParams} q  resource and at most one of client_id / object_id / msi_res_id
   */
  const issue = (q) => {
    const resource = q.get('resource');
    if (!resource) return failure(400, 'invalid_request', 'Required audience parameter not specified');
    const selectors = ['client_id', 'object_id', 'msi_res_id'].filter((name) => q.has(name));
    if (selectors.length > 1) return failure(400, 'invalid_request', 'Only one of client_id, object_id, msi_res_id may be given');

    /** @type {ManagedIdentity | undefined} */
    let identity;
    if (selectors.length === 1) {
      const value = /** @type {string} */ (q.get(selectors[0])).toLowerCase();
      identity = userAssigned.find((id) =>
        selectors[0] === 'client_id'
          ? id.clientId === value
          : selectors[0] === 'object_id'
            ? id.objectId === value
            : id.resourceId?.toLowerCase() === value
      );
      if (!identity) return failure(400, 'invalid_request', 'Identity not found');
    } else if (options.systemAssigned) {
      identity = options.systemAssigned;
    } else if (userAssigned.length === 1) {
      identity = userAssigned[0];
    } else if (userAssigned.length > 1) {
      return failure(
        400,
        'invalid_request',
        'Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request'
      );
    } else {
      return failure(400, 'invalid_request', 'Identity not found');
    }

    const now = Math.floor(Date.now() / 1000);
    const v2 = (options.tokenVersion ?? 2) === 2;
    const appId = resource.replace(/^api:\/\//, '').replace(/\/$/, '');
    const token = makeJwt({
      aud: v2 ? appId : resource,
      iss: v2 ? `https://login.microsoftonline.com/${options.tenantId}/v2.0` : `https://sts.windows.net/${options.tenantId}/`,
      iat: now,
      nbf: now,
      exp: now + 86399,
      ...(v2 ? { azp: identity.clientId } : { appid: identity.clientId }),
      oid: identity.objectId,
      sub: identity.objectId,
      tid: options.tenantId,
      ver: v2 ? '2.0' : '1.0'
    });
    issued.push(token);
    return {
      status: 200,
      body: {
        access_token: token,
        client_id: identity.clientId,
        expires_in: '86399',
        expires_on: String(now + 86399),
        ext_expires_in: '86399',
        not_before: String(now),
        resource,
        token_type: 'Bearer'
      }
    };
  };

  const server = await startScripted(
    (req) => {
      if (req.method === 'POST' && req.url.pathname === LEGACY_MSI_PATH) {
        if (req.headers['metadata'] !== 'true') return failure(400, 'invalid_request', 'Required metadata header not specified');
        if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
          return failure(400, 'invalid_request', 'Expected a form-encoded body');
        }
        return issue(new URLSearchParams(req.body));
      }
      // msal-node asks with a trailing slash; IMDS answers both.
      if (req.method !== 'GET' || req.url.pathname.replace(/\/$/, '') !== '/metadata/identity/oauth2/token') {
        return { status: 404, body: 'Not found' };
      }
      if (req.headers['metadata'] !== 'true') return failure(400, 'invalid_request', 'Required metadata header not specified');
      if (req.headers['x-forwarded-for']) return failure(400, 'invalid_request', 'Request contains X-Forwarded-For header');
      const q = req.url.searchParams;
      if (q.get('api-version') !== '2018-02-01') return failure(400, 'invalid_request', 'Invalid or missing api-version');
      return issue(q);
    },
    { port: options.port }
  );
  return { ...server, issued, msiEndpoint: `${server.url}${LEGACY_MSI_PATH}` };
}
