// @ts-check
// A loopback emulator of the Azure Arc agent's identity endpoint (himds): a first GET with
// Metadata: true is answered 401 with WWW-Authenticate: Basic realm=<key file>, after the agent
// writes a fresh key into its token directory; the GET repeated with Authorization: Basic <key>
// gets the token. System-assigned identity only.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { azureToken } from './azure-token.mjs';
import { startScripted } from './scripted.mjs';

/** @typedef {import('./azure-token.mjs').ManagedIdentity} ManagedIdentity */

const PATH = '/metadata/identity/oauth2/token';

/**
 * @param {{ tenantId: string, systemAssigned: ManagedIdentity, tokenVersion?: 1 | 2, port?: number }} options
 *   The key files go to a fresh directory (`tokenDir`), standing in for /var/opt/azcmagent/tokens.
 */
export async function startArc(options) {
  const tokenDir = mkdtempSync(path.join(os.tmpdir(), 'arc-tokens-'));
  /** @type {string[]} */
  const issued = [];
  /** Every key written, in order (secrets). @type {string[]} */
  const keys = [];
  /** Keys not yet presented. */
  const unused = new Set();
  /** @param {number} status @param {string} error @param {string} description */
  const failure = (status, error, description) => ({ status, body: { error, error_description: description } });

  const server = await startScripted(
    (req) => {
      if (req.method !== 'GET' || req.url.pathname.replace(/\/$/, '') !== PATH) return { status: 404, body: 'Not found' };
      if (req.headers.metadata !== 'true') return failure(400, 'invalid_request', 'Required metadata header not specified');
      const q = req.url.searchParams;
      if (q.get('api-version') !== '2019-11-01') return failure(400, 'invalid_request', 'Invalid or missing api-version');
      const resource = q.get('resource');
      if (!resource) return failure(400, 'invalid_request', 'Required audience parameter not specified');
      if (['client_id', 'object_id', 'msi_res_id', 'mi_res_id'].some((name) => q.has(name))) {
        return failure(400, 'invalid_request', 'User assigned identities are not supported on Arc-enabled servers');
      }
      const auth = String(req.headers.authorization ?? '');
      if (!auth) {
        const key = randomBytes(32).toString('hex');
        const file = path.join(tokenDir, `${randomUUID()}.key`);
        writeFileSync(file, key, { mode: 0o600 });
        keys.push(key);
        unused.add(key);
        return { status: 401, body: '', headers: { 'WWW-Authenticate': `Basic realm=${file}` } };
      }
      const presented = auth.replace(/^Basic /, '');
      if (!auth.startsWith('Basic ') || !unused.has(presented)) return failure(401, 'unauthorized', 'The key presented is not valid');
      unused.delete(presented);
      const { token, now, expiresOn } = azureToken({
        tenantId: options.tenantId,
        identity: options.systemAssigned,
        resource,
        tokenVersion: options.tokenVersion
      });
      issued.push(token);
      return {
        status: 200,
        body: {
          access_token: token,
          expires_in: String(expiresOn - now),
          expires_on: String(expiresOn),
          not_before: String(now),
          resource,
          token_type: 'Bearer'
        }
      };
    },
    { port: options.port }
  );
  return {
    ...server,
    issued,
    keys,
    tokenDir,
    endpoint: `${server.url}${PATH}`,
    close: async () => {
      await server.close();
      rmSync(tokenDir, { recursive: true, force: true });
    }
  };
}
