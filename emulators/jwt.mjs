// @ts-check
// Unsigned-but-well-formed JWTs for the emulators. Only the claims matter to the step.
import { randomBytes } from 'node:crypto';

/**
 * @param {Record<string, unknown>} claims
 * @returns {string}
 */
export function makeJwt(claims) {
  // A short header and a random jti first make every token differ within its first 72 bytes
  // (the most a bcrypt password check, as in a registry's htpasswd, looks at).
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ jti: randomBytes(12).toString('hex'), ...claims })).toString('base64url');
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
}

/**
 * @param {string} token
 * @returns {Record<string, any> | undefined}
 */
export function readJwt(token) {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
