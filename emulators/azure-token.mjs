// @ts-check
// Entra ID access tokens as Azure's identity endpoints issue them (IMDS, App Service, Arc, and
// Entra's own token endpoint): unsigned, but with the claims Chainguard matches.
import { makeJwt } from './jwt.mjs';

/**
 * @typedef {object} ManagedIdentity
 * @property {string} clientId
 * @property {string} objectId
 * @property {string} [resourceId]  user-assigned identities only
 */

/**
 * A v2 (or v1) access token for `resource`, issued to `identity` in `tenantId`.
 * @param {{ tenantId: string, identity: ManagedIdentity, resource: string, tokenVersion?: 1 | 2, lifetimeSeconds?: number }} options
 */
export function azureToken({ tenantId, identity, resource, tokenVersion = 2, lifetimeSeconds = 86399 }) {
  const now = Math.floor(Date.now() / 1000);
  const v2 = tokenVersion === 2;
  const appId = resource.replace(/^api:\/\//, '').replace(/\/$/, '');
  const token = makeJwt({
    aud: v2 ? appId : resource,
    iss: v2 ? `https://login.microsoftonline.com/${tenantId}/v2.0` : `https://sts.windows.net/${tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + lifetimeSeconds,
    ...(v2 ? { azp: identity.clientId } : { appid: identity.clientId }),
    oid: identity.objectId,
    sub: identity.objectId,
    tid: tenantId,
    ver: v2 ? '2.0' : '1.0'
  });
  return { token, now, expiresOn: now + lifetimeSeconds };
}

/**
 * Picks the identity a managed-identity request asks for: by one selector among `selectors`
 * (query parameter → which identity field it matches), else the system-assigned identity,
 * else the only user-assigned one.
 * @param {URLSearchParams} q
 * @param {Record<string, 'clientId' | 'objectId' | 'resourceId'>} selectors
 * @param {ManagedIdentity | undefined} systemAssigned
 * @param {ManagedIdentity[]} userAssigned
 * @returns {{ identity: ManagedIdentity } | { error: string }}
 */
export function pickIdentity(q, selectors, systemAssigned, userAssigned) {
  const given = Object.keys(selectors).filter((name) => q.has(name));
  if (given.length > 1) return { error: `Only one of ${Object.keys(selectors).join(', ')} may be given` };
  if (given.length === 1) {
    const field = selectors[given[0]];
    const value = /** @type {string} */ (q.get(given[0])).toLowerCase();
    const identity = userAssigned.find((id) => (id[field] ?? '').toLowerCase() === value);
    return identity ? { identity } : { error: 'Identity not found' };
  }
  if (systemAssigned) return { identity: systemAssigned };
  if (userAssigned.length === 1) return { identity: userAssigned[0] };
  return {
    error:
      userAssigned.length > 1
        ? 'Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request'
        : 'Identity not found'
  };
}
