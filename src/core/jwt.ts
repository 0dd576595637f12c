/**
 * Reads the claims of a JWT for messages and expiry. Never verifies a signature (the services
 * do that) and never logs the token itself.
 */

export type Claims = Record<string, unknown>;

/** The token's claims, or undefined when it is not a three-part JWT with a JSON payload. */
export function decodeClaims(token: string): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1].length === 0) return undefined;
  try {
    const json = Buffer.from(parts[1], 'base64url').toString('utf8');
    const claims: unknown = JSON.parse(json);
    if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) return undefined;
    return claims as Claims;
  } catch {
    return undefined;
  }
}

/** The `exp` claim as a Date, or undefined when absent or not a number. */
export function expiryOf(claims: Claims | undefined): Date | undefined {
  const exp = claims?.exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
  return new Date(exp * 1000);
}

/** A claim rendered for a message: strings as they are, arrays joined, anything else omitted. */
export function claimText(claims: Claims | undefined, name: string): string {
  const value = claims?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(', ');
  return '(absent)';
}
