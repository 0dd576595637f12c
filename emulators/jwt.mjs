// @ts-check
// Unsigned-but-well-formed JWTs for the emulators. Only the claims matter to the step.
import { randomBytes } from 'node:crypto';

/**
 * @param {Record<string, unknown>} claims
 * @returns {string}
 */
export function makeJwt(claims) {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'emulator' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
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
