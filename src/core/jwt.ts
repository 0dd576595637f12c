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

/** The last instant an ISO 8601 date can show (9999-12-31T23:59:59Z): anything later is absurd. */
const LAST_PRINTABLE_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/** A date as ISO 8601 UTC to the second. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An issued token whose `exp` cannot be used; `clock` says whether this machine's clock may be to blame. */
export class ExpiryRefused extends Error {
  constructor(
    message: string,
    readonly clock: boolean
  ) {
    super(message);
    this.name = 'ExpiryRefused';
  }
}

/**
 * The one check of a token a service has just issued (Chainguard's STS, an ACR exchange): its
 * `exp` as a Date, or undefined when it has none; refused (ExpiryRefused, its message beginning
 * with `what`, e.g. "the token it returned") when `exp` is not a plausible time or not after `now`.
 */
export function issuedExpiry(claims: Claims | undefined, now: number, what: string): Date | undefined {
  const expiresAt = expiryOf(claims);
  if (!expiresAt) return undefined;
  const at = expiresAt.getTime();
  if (!Number.isFinite(at) || at > LAST_PRINTABLE_MS) {
    throw new ExpiryRefused(`${what} has an expiry (exp ${String(claims?.exp)}) that is not a plausible time`, false);
  }
  if (at <= now) throw new ExpiryRefused(`${what} expired at ${isoSeconds(expiresAt)}, before now (${isoSeconds(new Date(now))})`, true);
  return expiresAt;
}
