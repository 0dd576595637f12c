/**
 * Text that reaches a log line: made inert for the runner and the agent, cleared of secrets, and
 * clipped. Every message the step prints, every quote of a service's answer and every value
 * shown back to the user passes through here.
 */

const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const WORD_JOINER = '\u2060';

/**
 * Makes a log message inert for the runner and the agent. The GitHub runner acts on a line that
 * starts with `::` and on `##[command]` anywhere in a line; the Azure agent acts on `##vso[`
 * anywhere in a line. A value interpolated into a message (an input, a path, a service's text)
 * could carry either, so every message the step prints passes through here: a word joiner
 * (invisible when shown) goes between the characters of every `::` and `##`, which no
 * legitimate message needs adjacent, and control characters (a carriage return among them)
 * become spaces. Line breaks stay: with no `::` or `##` anywhere, no line of the message can
 * be a command, and multi-line messages (the setup doctor's commands) stay readable.
 */
export function neutralise(message: string): string {
  return message.replace(/\r\n/g, '\n').replace(CONTROLS, ' ').replace(/::/g, `:${WORD_JOINER}:`).replace(/##/g, `#${WORD_JOINER}#`);
}

/** Anything that starts like a JWT (`eyJ`: base64url of `{"`), up to three base64url parts. */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){0,2}/g;
const REDACTED = '[redacted]';

/** A secret as sent, and as a service may quote it back: form- or URL-encoded, or escaped in JSON. */
function encodedForms(secret: string): string[] {
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1)
    ])
  ];
}

/** `text` with each of `forms` (longest first, so that one inside another goes whole) replaced by `by`. */
function replaceAll(text: string, forms: Iterable<string>, by: string): string {
  let result = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) if (form) result = result.split(form).join(by);
  return result;
}

/**
 * Removes secrets from text a service sent, before it goes into any message: each of `secrets`
 * (what the request carried: a header, a key, the token presented; as sent or encoded) and
 * anything shaped like a JWT, whole or cut short.
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  const forms = secrets.filter((secret): secret is string => secret !== undefined && secret.length >= 8).flatMap(encodedForms);
  return replaceAll(text, forms, REDACTED).replace(JWT_LIKE, REDACTED);
}

/**
 * Text from a service, made fit for a message: secrets removed (see redact), then one line,
 * printable, at most `max` characters. Every piece of service text that reaches a message goes
 * through here.
 */
export function clip(text: string, max = 300, secrets: readonly (string | undefined)[] = []): string {
  const oneLine = redact(text, secrets)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/**
 * A value the user gave, as shown back in a message: never something that looks like a token,
 * and a long one cut to its first `keep` characters.
 */
export function shown(value: string, keep = 40): string {
  if (/^eyJ/.test(value)) return '(a value that looks like a token, not shown)';
  const clean = clip(value, Number.POSITIVE_INFINITY);
  return clean.length > 80 ? `${clean.slice(0, keep)}…` : clean;
}

/**
 * The secrets a process has handled, for the printers no runner masks (the command-line tool's
 * stderr, the credential helper's one-line error): `redact` replaces each, as given, trimmed or
 * URL-encoded, by `***`.
 */
export class SecretSet {
  private readonly values = new Set<string>();

  add(value: string | undefined): void {
    if (!value) return;
    for (const form of [value, value.trim(), encodeURIComponent(value)]) if (form) this.values.add(form);
  }

  redact(text: string): string {
    return replaceAll(text, this.values, '***');
  }
}
