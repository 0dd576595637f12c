// @ts-check
// A loopback emulator of Entra ID's token endpoint for workload identity federation:
// POST /{tenant}/oauth2/v2.0/token, form grant_type=client_credentials, client_id,
// client_assertion_type=…jwt-bearer, client_assertion=<the federated token>, scope=<resource>/.default.
// The assertion must match one of the identity's federated credentials exactly (issuer, subject,
// audience); refusals carry AADSTS codes as Entra ID's do.
import { randomUUID } from 'node:crypto';
import { azureToken } from './azure-token.mjs';
import { readJwt } from './jwt.mjs';
import { startScripted } from './scripted.mjs';

/**
 * @typedef {object} FederatedCredential
 * @property {string} issuer
 * @property {string} subject
 * @property {string} audience
 */

/**
 * @typedef {import('./azure-token.mjs').ManagedIdentity & { federated: FederatedCredential[] }} FederatedIdentity
 */

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * @param {{ tenantId: string, identities: FederatedIdentity[], tokenVersion?: 1 | 2, port?: number }} options
 */
export async function startEntra(options) {
  /** @type {string[]} */
  const issued = [];
  /**
   * @param {number} status @param {string} error @param {number} code @param {string} text
   */
  const aadsts = (status, error, code, text) => {
    const traceId = randomUUID();
    const timestamp = new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z');
    return {
      status,
      body: {
        error,
        error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${randomUUID()} Timestamp: ${timestamp}`,
        error_codes: [code],
        timestamp,
        trace_id: traceId,
        correlation_id: randomUUID(),
        error_uri: `https://login.microsoftonline.com/error?code=${code}`
      }
    };
  };

  const server = await startScripted(
    (req) => {
      const match = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(req.url.pathname);
      if (req.method !== 'POST' || !match) return { status: 404, body: 'Not found' };
      if (match[1] !== options.tenantId) {
        return aadsts(
          400,
          'invalid_request',
          90002,
          `Tenant '${match[1]}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`
        );
      }
      const form = new URLSearchParams(
        String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? req.body : ''
      );
      if (form.get('grant_type') !== 'client_credentials')
        return aadsts(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
      if (form.get('client_assertion_type') !== ASSERTION_TYPE)
        return aadsts(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_assertion_type'.");
      const scope = form.get('scope') ?? '';
      if (!scope.endsWith('/.default'))
        return aadsts(
          400,
          'invalid_scope',
          70011,
          `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`
        );
      const clientId = (form.get('client_id') ?? '').toLowerCase();
      const identity = options.identities.find((id) => id.clientId === clientId);
      if (!identity) {
        return aadsts(
          400,
          'unauthorized_client',
          700016,
          `Application with identifier '${clientId}' was not found in the directory '${options.tenantId}'.`
        );
      }
      const claims = readJwt(form.get('client_assertion') ?? '');
      if (!claims) return aadsts(400, 'invalid_client', 50027, 'JWT token is invalid or malformed.');
      if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
        return aadsts(400, 'invalid_client', 700024, 'Client assertion is not within its valid time range.');
      }
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      const byIssuer = identity.federated.filter((f) => f.issuer === claims.iss);
      if (byIssuer.length === 0) {
        return aadsts(
          400,
          'invalid_client',
          700211,
          `No matching federated identity record found for presented assertion issuer '${claims.iss}'.`
        );
      }
      const bySubject = byIssuer.filter((f) => f.subject === claims.sub);
      if (bySubject.length === 0) {
        return aadsts(
          400,
          'invalid_client',
          700213,
          `No matching federated identity record found for presented assertion subject '${claims.sub}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.`
        );
      }
      if (!bySubject.some((f) => audiences.includes(f.audience))) {
        return aadsts(
          400,
          'invalid_client',
          700212,
          `No matching federated identity record found for presented assertion audience '${audiences.join(',')}'.`
        );
      }
      const resource = scope.slice(0, -'/.default'.length);
      const { token } = azureToken({
        tenantId: options.tenantId,
        identity,
        resource,
        tokenVersion: options.tokenVersion,
        lifetimeSeconds: 3599
      });
      issued.push(token);
      return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token } };
    },
    { port: options.port }
  );
  return { ...server, issued, authority: `${server.url}/` };
}
