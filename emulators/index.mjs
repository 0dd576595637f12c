// @ts-check
// The emulators as one set, configured the way the demo, the tests and the benchmark use them:
// a VM with a system-assigned and two user-assigned identities, and a Chainguard STS with one
// assumable identity for each.
import { startImds } from './imds.mjs';
import { startSts } from './sts.mjs';

export { startImds } from './imds.mjs';
export { startSts } from './sts.mjs';
export { makeJwt, readJwt } from './jwt.mjs';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const APP_CLIENT_ID = '3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c';
export const AZURE_AUDIENCE = `api://${APP_CLIENT_ID}`;
export const ORG = '0123456789abcdef0123456789abcdef01234567';
export const SYSTEM = { clientId: '11111111-aaaa-4aaa-8aaa-111111111111', objectId: '11111111-bbbb-4bbb-8bbb-111111111111' };
export const USER_A = {
  clientId: '22222222-aaaa-4aaa-8aaa-222222222222',
  objectId: '22222222-bbbb-4bbb-8bbb-222222222222',
  resourceId: '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/ci-runners/providers/Microsoft.ManagedIdentity/userAssignedIdentities/runner-a'
};
export const USER_B = {
  clientId: '33333333-aaaa-4aaa-8aaa-333333333333',
  objectId: '33333333-bbbb-4bbb-8bbb-333333333333',
  resourceId: '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/ci-runners/providers/Microsoft.ManagedIdentity/userAssignedIdentities/runner-b'
};
/** Assumable identities (UIDPs) that trust the system-assigned identity and USER_A. */
export const IDENTITY_SYSTEM = `${ORG}/0123456789abcdef`;
export const IDENTITY_USER_A = `${ORG}/fedcba9876543210`;

/**
 * Starts IMDS and the STS on loopback.
 * @param {{
 *   tokenVersion?: 1 | 2,
 *   imdsPort?: number,
 *   stsPort?: number,
 *   stsTls?: { key: string, cert: string, host: string },
 *   mintToken?: (claims: Record<string, unknown>) => string,
 *   stsTokenLifetimeSeconds?: number
 * }} [options]
 */
export async function startEmulators(options = {}) {
  const issuer = `https://login.microsoftonline.com/${TENANT}/v2.0`;
  const imds = await startImds({
    tenantId: TENANT,
    systemAssigned: SYSTEM,
    userAssigned: [USER_A, USER_B],
    tokenVersion: options.tokenVersion ?? 2,
    port: options.imdsPort
  });
  const sts = await startSts({
    identities: {
      [IDENTITY_SYSTEM]: { issuer, subject: SYSTEM.objectId, audience: APP_CLIENT_ID },
      [IDENTITY_USER_A]: { issuer, subject: USER_A.objectId, audience: APP_CLIENT_ID }
    },
    port: options.stsPort,
    tls: options.stsTls,
    mintToken: options.mintToken,
    tokenLifetimeSeconds: options.stsTokenLifetimeSeconds
  });
  return {
    imds,
    sts,
    close: async () => {
      await Promise.all([imds.close(), sts.close()]);
    }
  };
}
