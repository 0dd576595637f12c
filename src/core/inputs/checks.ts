/** The shapes input values must have, and what no input value ever holds. */
import { isLoopback } from '../net/url.js';
import { shown } from '../text.js';

export const UIDP = /^[0-9a-f]{40}(\/[0-9a-f]{16})+$/;
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const RESOURCE_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resourcegroups\/[-\w.()]{1,90}\/providers\/microsoft\.managedidentity\/userassignedidentities\/[-\w]{3,128}$/i;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
/** Control characters and line breaks: no single value holds one. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Control characters other than tab and line breaks: no value of a list over several lines holds one. */
export const CONTROL_IN_LIST = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
export const MAX_LENGTH = 2048;
/** Runner and agent commands begin with these; no input value ever needs one. */
export const RUNNER_COMMAND = /##(vso)?\[/i;

/**
 * Whether a URI or audience holds `#`, `[` or `]`, which none ever needs (a fragment, or a
 * bracket that could open a runner command). A bracketed IPv6 host right after the scheme is
 * the one exception, for an issuer on loopback such as http://[::1]:8080.
 */
export function hasUriForbiddenCharacter(value: string): boolean {
  return /[#[\]]/.test(value.replace(/^([a-z][a-z0-9+.-]*:\/\/)\[[0-9a-f:.]+\]/i, '$1'));
}

/** Why `registry` is not `host` or `host:port`, or undefined when it is. */
export function checkRegistry(registry: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(registry)) return 'must not include a scheme';
  if (registry.includes('/')) return 'must not include a path';
  const match = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d{1,5}))?$/i.exec(registry);
  if (!match) return 'is not a host name';
  const [, host, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return 'has a port outside 1-65535';
  if (host.startsWith('[')) return undefined;
  if (host.length > 253 || !host.split('.').every((label) => HOST_LABEL.test(label))) return 'is not a host name';
  return undefined;
}

/** The STS base URL (without a trailing slash): https, or plain http only on loopback; no credentials, query or fragment. */
export function checkIssuer(raw: string, fail: (message: string) => never): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(`must be an https URL such as https://issuer.enforce.dev, not "${shown(raw)}".`);
  }
  if (url.username || url.password) fail('must not carry credentials.');
  if (url.search || url.hash) fail('must not have a query or fragment.');
  if (url.protocol === 'http:') {
    if (!isLoopback(url.hostname)) fail(`must use https; plain http is accepted only for loopback addresses, not "${shown(raw)}".`);
  } else if (url.protocol !== 'https:') {
    fail(`must be an https URL, not "${shown(raw)}".`);
  }
  return url.href.replace(/\/+$/, '');
}

export function isAbsoluteUri(value: string): boolean {
  if (/\s/.test(value) || !/^[a-z][a-z0-9+.-]*:\/\/./i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
