/**
 * Where a secret may be sent: loopback addresses, and the checks every endpoint taken from the
 * environment passes (https, or plain http only on loopback; no credentials, no fragment).
 */
import { LoginError } from '../errors.js';

/** Whether a URL hostname is a loopback address or localhost. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * An endpoint URL read from the environment variable `variable`, under the issuer's rule:
 * https, or plain http only on a loopback address; no credentials, no fragment.
 */
export function endpointFromEnvironment(raw: string, variable: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new LoginError(`${variable} is not a URL; it is set by the platform, so check what overrides it in this job.`);
  }
  if (url.username || url.password) throw new LoginError(`${variable} must not carry credentials.`);
  if (url.hash) throw new LoginError(`${variable} must not have a fragment.`);
  if (url.protocol === 'http:') {
    if (!isLoopback(url.hostname)) {
      throw new LoginError(
        `${variable} (${url.origin}) uses plain http off this machine; only https, or http on a loopback address, is accepted. ` +
          `Check what sets ${variable} in this job.`
      );
    }
  } else if (url.protocol !== 'https:') {
    throw new LoginError(`${variable} must be an https URL (or http on a loopback address), not ${url.protocol}.`);
  }
  return url;
}

/** Endpoints on this machine are reached directly; anything else follows the proxy settings. */
export function routeOf(url: URL): 'direct' | 'environment' {
  return isLoopback(url.hostname) ? 'direct' : 'environment';
}
