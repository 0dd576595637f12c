// @ts-check
// The emulators as one set, configured the way the demo, the tests and the benchmark use them:
// a VM with a system-assigned and two user-assigned identities; the identity endpoints of App
// Service / Container Apps and Azure Arc; Entra ID's token endpoint with a workload identity
// federated to a cluster; a kubelet writing projected tokens; GitHub's and Azure DevOps' OIDC
// endpoints; and a Chainguard STS with an assumable identity for each.
import { startAppService } from './app-service.mjs';
import { startArc } from './arc.mjs';
import { startAzureDevOpsOidc } from './azure-devops-oidc.mjs';
import { startEntra } from './entra.mjs';
import { startGithubOidc, GITHUB_ISSUER } from './github-oidc.mjs';
import { startImds } from './imds.mjs';
import { makeJwt } from './jwt.mjs';
import { createKubelet } from './kubernetes.mjs';
import { startSts } from './sts.mjs';

export { startImds } from './imds.mjs';
export { startSts } from './sts.mjs';
export { startAppService } from './app-service.mjs';
export { startArc } from './arc.mjs';
export { startEntra } from './entra.mjs';
export { startGithubOidc, GITHUB_ISSUER } from './github-oidc.mjs';
export { startAzureDevOpsOidc, AZURE_DEVOPS_AUDIENCE } from './azure-devops-oidc.mjs';
export { createKubelet } from './kubernetes.mjs';
export { makeJwt, readJwt } from './jwt.mjs';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const APP_CLIENT_ID = '3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c';
export const AZURE_AUDIENCE = `api://${APP_CLIENT_ID}`;
export const ORG = '0123456789abcdef0123456789abcdef01234567';
export const SYSTEM = { clientId: '11111111-aaaa-4aaa-8aaa-111111111111', objectId: '11111111-bbbb-4bbb-8bbb-111111111111' };
export const USER_A = {
  clientId: '22222222-aaaa-4aaa-8aaa-222222222222',
  objectId: '22222222-bbbb-4bbb-8bbb-222222222222',
  resourceId:
    '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/ci-runners/providers/Microsoft.ManagedIdentity/userAssignedIdentities/runner-a'
};
export const USER_B = {
  clientId: '33333333-aaaa-4aaa-8aaa-333333333333',
  objectId: '33333333-bbbb-4bbb-8bbb-333333333333',
  resourceId:
    '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/ci-runners/providers/Microsoft.ManagedIdentity/userAssignedIdentities/runner-b'
};
/** Assumable identities (UIDPs) that trust the system-assigned identity and USER_A. */
export const IDENTITY_SYSTEM = `${ORG}/0123456789abcdef`;
export const IDENTITY_USER_A = `${ORG}/fedcba9876543210`;

/**
 * An Entra ID v2 token of the system-assigned identity for the app (what IMDS hands the step
 * for AZURE_AUDIENCE, and the STS emulator accepts for IDENTITY_SYSTEM), valid for an hour;
 * `claims` add to or replace its claims.
 * @param {Record<string, unknown>} [claims]
 */
export function systemAzureJwt(claims = {}) {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return makeJwt({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, sub: SYSTEM.objectId, aud: APP_CLIENT_ID, exp, ...claims });
}

/**
 * IMDS's answer carrying `token` for AZURE_AUDIENCE, for a test that scripts the IMDS emulator.
 * @param {string} token
 */
export function imdsAnswer(token) {
  return { status: 200, body: { access_token: token, expires_in: '3599', resource: AZURE_AUDIENCE, token_type: 'Bearer' } };
}

/** The system-assigned identity of the App Service app / Container Apps job. */
export const APP_SERVICE_MI = { clientId: '44444444-aaaa-4aaa-8aaa-444444444444', objectId: '44444444-bbbb-4bbb-8bbb-444444444444' };
/** The Arc-enabled server's (system-assigned) identity. */
export const ARC_MI = { clientId: '55555555-aaaa-4aaa-8aaa-555555555555', objectId: '55555555-bbbb-4bbb-8bbb-555555555555' };
/** The AKS cluster's service-account issuer (public, as AKS's OIDC issuer is). */
export const AKS_ISSUER = `https://eastus.oic.prod-aks.azure.com/${TENANT}/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/`;
/** The user-assigned identity a runner pod uses through workload identity, and its federated credential. */
export const WORKLOAD_MI = { clientId: '66666666-aaaa-4aaa-8aaa-666666666666', objectId: '66666666-bbbb-4bbb-8bbb-666666666666' };
export const WORKLOAD_SERVICE_ACCOUNT = { namespace: 'ci', serviceAccount: 'runner', audience: 'api://AzureADTokenExchange' };
/** A Jenkins agent pod's projected token, as Chainguard's Kubernetes guide sets it up. */
export const JENKINS_SERVICE_ACCOUNT = { namespace: 'jenkins', serviceAccount: 'jenkins-agent', audience: 'issuer.enforce.dev' };
export const GITHUB_REPOSITORY = 'octo-org/octo-repo';
export const GITHUB_REF = 'refs/heads/main';
export const AZURE_DEVOPS = {
  orgId: '0f1e2d3c-4b5a-4697-8877-665544332211',
  org: 'octo-org',
  project: 'octo-project',
  pipeline: 'octo-pipeline',
  serviceConnectionId: '7b3f1c2d-9e8a-4b6c-a5d4-3e2f1a0b9c8d',
  serviceConnectionName: 'chainguard-registry'
};
export const IDENTITY_APP_SERVICE = `${ORG}/a1a1a1a1a1a1a1a1`;
export const IDENTITY_ARC = `${ORG}/a2a2a2a2a2a2a2a2`;
export const IDENTITY_WORKLOAD = `${ORG}/a3a3a3a3a3a3a3a3`;
export const IDENTITY_KUBERNETES = `${ORG}/a4a4a4a4a4a4a4a4`;
export const IDENTITY_GITHUB = `${ORG}/a5a5a5a5a5a5a5a5`;
export const IDENTITY_AZURE_DEVOPS = `${ORG}/a6a6a6a6a6a6a6a6`;
export const IDENTITY_AZURE_DEVOPS_CONNECTION = `${ORG}/a7a7a7a7a7a7a7a7`;

/**
 * Starts every emulator on loopback. `secrets()` lists everything they issued that must never
 * appear in a step's output: tokens, the identity header, Arc keys, GitHub's request token and
 * Azure DevOps' access token.
 * @param {{
 *   tokenVersion?: 1 | 2,
 *   imdsPort?: number,
 *   stsPort?: number,
 *   stsTls?: { key: string, cert: string, host: string },
 *   githubTls?: { key: string, cert: string, host: string },
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
  const tokenVersion = options.tokenVersion ?? 2;
  const appService = await startAppService({ tenantId: TENANT, systemAssigned: APP_SERVICE_MI, userAssigned: [USER_A], tokenVersion });
  const arc = await startArc({ tenantId: TENANT, systemAssigned: ARC_MI, tokenVersion });
  const entra = await startEntra({
    tenantId: TENANT,
    tokenVersion,
    identities: [
      {
        ...WORKLOAD_MI,
        federated: [
          {
            issuer: AKS_ISSUER,
            subject: `system:serviceaccount:${WORKLOAD_SERVICE_ACCOUNT.namespace}:${WORKLOAD_SERVICE_ACCOUNT.serviceAccount}`,
            audience: WORKLOAD_SERVICE_ACCOUNT.audience
          }
        ]
      }
    ]
  });
  const kubelet = createKubelet({ issuer: AKS_ISSUER });
  const github = await startGithubOidc({ repository: GITHUB_REPOSITORY, ref: GITHUB_REF, tls: options.githubTls });
  const azureDevOps = await startAzureDevOpsOidc({
    ...AZURE_DEVOPS,
    serviceConnections: { [AZURE_DEVOPS.serviceConnectionId]: AZURE_DEVOPS.serviceConnectionName }
  });
  const devops = `https://vstoken.dev.azure.com/${AZURE_DEVOPS.orgId}`;
  const sts = await startSts({
    identities: {
      [IDENTITY_SYSTEM]: { issuer, subject: SYSTEM.objectId, audience: APP_CLIENT_ID },
      [IDENTITY_USER_A]: { issuer, subject: USER_A.objectId, audience: APP_CLIENT_ID },
      [IDENTITY_APP_SERVICE]: { issuer, subject: APP_SERVICE_MI.objectId, audience: APP_CLIENT_ID },
      [IDENTITY_ARC]: { issuer, subject: ARC_MI.objectId, audience: APP_CLIENT_ID },
      [IDENTITY_WORKLOAD]: { issuer, subject: WORKLOAD_MI.objectId, audience: APP_CLIENT_ID },
      [IDENTITY_KUBERNETES]: {
        issuer: AKS_ISSUER,
        subject: `system:serviceaccount:${JENKINS_SERVICE_ACCOUNT.namespace}:${JENKINS_SERVICE_ACCOUNT.serviceAccount}`,
        audience: JENKINS_SERVICE_ACCOUNT.audience
      },
      [IDENTITY_GITHUB]: { issuer: GITHUB_ISSUER, subject: `repo:${GITHUB_REPOSITORY}:ref:${GITHUB_REF}`, audience: 'issuer.enforce.dev' },
      [IDENTITY_AZURE_DEVOPS]: {
        issuer: devops,
        subject: `p://${AZURE_DEVOPS.org}/${AZURE_DEVOPS.project}/${AZURE_DEVOPS.pipeline}`,
        audience: 'api://AzureADTokenExchange'
      },
      [IDENTITY_AZURE_DEVOPS_CONNECTION]: {
        issuer: devops,
        subject: `sc://${AZURE_DEVOPS.org}/${AZURE_DEVOPS.project}/${AZURE_DEVOPS.serviceConnectionName}`,
        audience: 'api://AzureADTokenExchange'
      }
    },
    port: options.stsPort,
    tls: options.stsTls,
    mintToken: options.mintToken,
    tokenLifetimeSeconds: options.stsTokenLifetimeSeconds
  });
  return {
    imds,
    sts,
    appService,
    arc,
    entra,
    kubelet,
    github,
    azureDevOps,
    /** The environment each source is detected by, as its platform sets it (pointed at the emulators). */
    environments: {
      appService: () => ({ IDENTITY_ENDPOINT: appService.endpoint, IDENTITY_HEADER: appService.identityHeader }),
      arc: () => ({ IDENTITY_ENDPOINT: arc.endpoint, IMDS_ENDPOINT: arc.url, CHAINGUARD_LOGIN_TEST_ARC_TOKEN_DIR: arc.tokenDir }),
      /** Writes the pod's projected token and names it, as the workload identity webhook does. */
      workloadIdentity: () => ({
        AZURE_FEDERATED_TOKEN_FILE: kubelet.writeToken({ ...WORKLOAD_SERVICE_ACCOUNT, file: 'azure-identity-token' }),
        AZURE_CLIENT_ID: WORKLOAD_MI.clientId,
        AZURE_TENANT_ID: TENANT,
        AZURE_AUTHORITY_HOST: entra.authority
      }),
      /** What the runner sets for a job with permissions: id-token: write. */
      github: () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: github.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: github.requestToken }),
      /**
       * What the agent sets for a task: the OIDC request URI and the SystemVssConnection endpoint.
       * The URI is on loopback: the step accepts it only under CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS=1.
       */
      azureDevOps: () => ({
        SYSTEM_OIDCREQUESTURI: azureDevOps.requestUri,
        ENDPOINT_URL_SYSTEMVSSCONNECTION: `${azureDevOps.url}/${AZURE_DEVOPS.org}/`,
        ENDPOINT_AUTH_SYSTEMVSSCONNECTION: JSON.stringify({ parameters: { AccessToken: azureDevOps.accessToken }, scheme: 'OAuth' }),
        ENDPOINT_AUTH_SCHEME_SYSTEMVSSCONNECTION: 'OAuth',
        ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN: azureDevOps.accessToken
      })
    },
    /** Every secret the emulators issued so far. */
    secrets: () => [
      ...imds.issued,
      ...sts.issued,
      ...appService.issued,
      appService.identityHeader,
      ...arc.issued,
      ...arc.keys,
      ...entra.issued,
      ...kubelet.issued,
      ...github.issued,
      github.requestToken,
      ...azureDevOps.issued,
      azureDevOps.accessToken
    ],
    close: async () => {
      await Promise.all([imds.close(), sts.close(), appService.close(), arc.close(), entra.close(), github.close(), azureDevOps.close()]);
      kubelet.close();
    }
  };
}
