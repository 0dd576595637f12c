/**
 * The one home of shell quoting: every value interpolated into a command printed for a user to
 * paste (az, chainctl, kubectl, …), the lines the command-line tool prints for the calling shell,
 * and the credential helper's wrappers.
 *
 * A value in a pasted command comes from a token (claims an attacker may choose: a branch name
 * lands in a CI token's subject) and must reach the program as exactly one argument, with nothing
 * in it run by the shell, even after `neutralise` has made the message inert for the runner. A
 * value that is not the shape the command needs becomes a placeholder instead.
 */

import { GUID } from './inputs/checks.js';

/** Characters that never need quoting in a POSIX shell word. */
const BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** Characters `neutralise` would turn into spaces (so the value could not be pasted as it is). */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A value as one POSIX shell word with the same value: bare when safe, else single-quoted. The
 * word holds no `::` or `##`, into which `neutralise` would insert a word joiner and so change
 * the argument: between two such characters the quotes are closed and reopened (`'a:'':b'`).
 */
export function shellWord(value: string): string {
  if (BARE.test(value) && !value.includes('::')) return value;
  return singleQuoted(value)
    .replace(/:(?=:)/g, ":''")
    .replace(/#(?=#)/g, "#''");
}

/**
 * A claim or other value for a printed command: as one shell word, or `placeholder` (e.g.
 * `<principal-id of the managed identity>`, for the user to fill in) when it is absent, holds a
 * character that cannot be printed as it is, or fails `shape`.
 */
export function shellArg(value: string | undefined, placeholder: string, shape?: (value: string) => boolean): string {
  if (!value || UNPRINTABLE.test(value) || (shape && !shape(value))) return placeholder;
  return shellWord(value);
}

/** The shape of an object (principal) ID or a client ID. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** The shape of an OIDC issuer: an absolute http(s) URL. */
export function isIssuerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !/\s/.test(value);
  } catch {
    return false;
  }
}

/** A value as one single-quoted POSIX shell word, always quoted (a path in a script, an `export` line). */
export function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A value as one double-quoted word of a cmd.exe batch file, with `%` doubled so that it is not
 * expanded; undefined for a value holding a double quote, which cmd cannot quote.
 */
export function cmdWord(value: string): string | undefined {
  if (value.includes('"')) return undefined;
  return `"${value.replace(/%/g, '%%')}"`;
}
