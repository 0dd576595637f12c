// @ts-check
// A loopback emulator of Azure DevOps' OIDC token endpoint (System.OidcRequestUri):
// POST …/oidctoken?api-version=7.1[&serviceConnectionId=<id>] with Authorization: Bearer
// <System.AccessToken> answers {"oidcToken": "<jwt>"}: issuer https://vstoken.dev.azure.com/<org id>,
// subject p://<org>/<project>/<pipeline> (or sc://<org>/<project>/<connection>), audience
// api://AzureADTokenExchange. A refused access token gets a sign-in page (203) unless the request
// says X-TFS-FedAuthRedirect: Suppress, as the service does.
import { randomBytes } from 'node:crypto';
import { makeJwt } from './jwt.mjs';
import { startScripted } from './scripted.mjs';

export const AZURE_DEVOPS_AUDIENCE = 'api://AzureADTokenExchange';

/**
 * @param {{
 *   orgId: string, org: string, project: string, pipeline: string,
 *   serviceConnections?: Record<string, string>,
 *   accessToken?: string,
 *   port?: number,
 *   tls?: { key: string, cert: string, host: string }
 * }} options  `serviceConnections` maps a connection's ID to its name; `tls` serves https as
 *   https://<tls.host>:<port>
 */
export async function startAzureDevOpsOidc(options) {
  const accessToken = options.accessToken ?? randomBytes(32).toString('base64url');
  const path = `/${options.org}/6f3c2b1a-0000-4000-8000-00000000beef/_apis/distributedtask/hubs/build/plans/1d2c3b4a/jobs/9e8f7a6b/oidctoken`;
  /** @type {string[]} */
  const issued = [];
  /** @param {number} status @param {string} message */
  const failure = (status, message) => ({
    status,
    body: {
      $id: '1',
      innerException: null,
      message,
      typeName: 'Microsoft.TeamFoundation.DistributedTask.WebApi.TaskOrchestrationPlanSecurityException',
      errorCode: 0
    }
  });

  const server = await startScripted(
    (req) => {
      if (req.url.pathname !== path) return { status: 404, body: 'Not found' };
      if (req.method !== 'POST') return failure(405, 'The requested resource does not support http method GET.');
      if (req.headers.authorization !== `Bearer ${accessToken}`) {
        if (req.headers['x-tfs-fedauthredirect'] === 'Suppress')
          return failure(401, 'TF400813: The user is not authorized to access this resource.');
        return { status: 203, body: '<html><head><title>Azure DevOps Services | Sign In</title></head><body></body></html>' };
      }
      if (!/^7\.1/.test(req.url.searchParams.get('api-version') ?? ''))
        return failure(400, 'The requested REST API version is not supported.');
      const connectionId = req.url.searchParams.get('serviceConnectionId');
      let subject = `p://${options.org}/${options.project}/${options.pipeline}`;
      if (connectionId) {
        const name = options.serviceConnections?.[connectionId.toLowerCase()];
        if (!name)
          return failure(400, `Service connection ${connectionId} could not be found, or the pipeline is not authorized to use it.`);
        subject = `sc://${options.org}/${options.project}/${name}`;
      }
      const now = Math.floor(Date.now() / 1000);
      const token = makeJwt({
        iss: `https://vstoken.dev.azure.com/${options.orgId}`,
        sub: subject,
        aud: AZURE_DEVOPS_AUDIENCE,
        iat: now,
        nbf: now,
        exp: now + 600
      });
      issued.push(token);
      return { status: 200, body: { oidcToken: token } };
    },
    { port: options.port, tls: options.tls }
  );
  return { ...server, issued, accessToken, requestUri: `${server.url}${path}` };
}
