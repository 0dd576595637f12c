// @ts-check
// A loopback emulator of GitHub Actions' ID token endpoint, as the runner offers it to a job with
// "permissions: id-token: write": GET ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=… with
// Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN} answers {"value": "<jwt>"}.
import { randomBytes } from 'node:crypto';
import { makeJwt } from './jwt.mjs';
import { startScripted } from './scripted.mjs';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const PATH = '/_apis/distributedtask/hubs/Actions/plans/7a1b2c3d/jobs/4e5f6a7b/idtoken';

/**
 * @param {{ repository: string, ref: string, requestToken?: string, port?: number, tls?: { key: string, cert: string, host: string } }} options
 *   `tls` serves https at https://<host>:<port> (a name the loopback preload resolves), as the runner's real endpoint is
 */
export async function startGithubOidc(options) {
  const requestToken = options.requestToken ?? randomBytes(24).toString('hex');
  /** @type {string[]} */
  const issued = [];
  const server = await startScripted(
    (req) => {
      if (req.method !== 'GET' || req.url.pathname !== PATH) return { status: 404, body: { message: 'Not found' } };
      if (req.headers.authorization !== `Bearer ${requestToken}`) return { status: 401, body: { message: 'Bad credentials' } };
      const [owner] = options.repository.split('/');
      const audience = req.url.searchParams.get('audience') || `https://github.com/${owner}`;
      const now = Math.floor(Date.now() / 1000);
      const token = makeJwt({
        iss: GITHUB_ISSUER,
        sub: `repo:${options.repository}:ref:${options.ref}`,
        aud: audience,
        repository: options.repository,
        repository_owner: owner,
        ref: options.ref,
        event_name: 'push',
        runner_environment: 'self-hosted',
        iat: now,
        nbf: now - 5,
        exp: now + 300
      });
      issued.push(token);
      return { status: 200, body: { count: 1, value: token } };
    },
    { port: options.port, tls: options.tls }
  );
  return { ...server, issued, requestToken, requestUrl: `${server.url}${PATH}?api-version=2.0` };
}
