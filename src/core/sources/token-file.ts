/**
 * An OIDC token in a file: a Kubernetes projected service-account token (audience
 * `issuer.enforce.dev`, as Chainguard's Kubernetes and Jenkins guides set it up) or any CI's token
 * written to a file. It is read afresh at every use (the kubelet rotates it), masked at once, and
 * presented to Chainguard as it is: no Azure call is made.
 */
import { LoginError } from '../errors.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../files.js';
import { claimText, decodeClaims, expiryOf } from '../jwt.js';
import type { IdentitySource, IdentityToken, SourceContext } from './source.js';

/** A projected token is one or two kilobytes; anything far larger is not a token. */
const MAX_TOKEN_BYTES = 64 * 1024;

/**
 * Reads the token in `file`, masks it, and checks that it is a JWT. `label` names where the path
 * came from (an input or an environment variable), for messages; the token is never shown. The
 * read never blocks: anything but a regular file (a FIFO, a device) is refused at once.
 */
export function readTokenFile(file: string, label: string, context: SourceContext): string {
  const fail = (why: string): never => {
    throw new LoginError(`The token file ${file} (${label}) ${why}.`);
  };
  let read: string | undefined;
  try {
    read = readRegularFile(file, { maxBytes: MAX_TOKEN_BYTES });
  } catch (error) {
    if (error instanceof NotRegularFile) return fail('is not a regular file');
    if (error instanceof FileTooLarge) return fail(`is ${error.size} bytes long; an OIDC token is a few kilobytes`);
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === 'EACCES' || code === 'EPERM' ? 'cannot be read by the user running the step' : `cannot be opened (${code ?? 'error'})`
    );
  }
  if (read === undefined)
    return fail("does not exist. In Kubernetes, check the pod's projected service-account token volume and its mount path");
  const text = read.trim();
  if (!text) throw new LoginError(`The token file ${file} (${label}) is empty; the kubelet or your CI writes the token there.`);
  context.mask(text);
  if (!decodeClaims(text)) {
    throw new LoginError(
      `The token file ${file} (${label}) does not hold a JWT (three base64url parts with a JSON payload); its contents are not shown.`
    );
  }
  return text;
}

/** Refuses a token whose `exp` has passed, saying when, and what rotates it. */
export function checkNotExpired(token: string, file: string, label: string, now: number): void {
  const claims = decodeClaims(token);
  const expiry = expiryOf(claims);
  if (expiry && expiry.getTime() <= now) {
    throw new LoginError(
      `The token in ${file} (${label}) expired at ${expiry.toISOString()} (issuer "${claimText(claims, 'iss')}"). ` +
        'Whatever writes the file has stopped refreshing it: in Kubernetes the kubelet rotates projected tokens ' +
        'while the pod runs, so check the volume (a copied token does not rotate); elsewhere, write a fresh token before the step.'
    );
  }
}

export class TokenFileSource implements IdentitySource {
  readonly kind = 'token-file' as const;
  readonly name = 'the token file';
  readonly tokenName = 'OIDC token';

  constructor(
    private readonly file: string,
    private readonly label: string
  ) {}

  get endpoint(): string {
    return this.file;
  }

  async getToken(context: SourceContext): Promise<IdentityToken> {
    context.debug(`Reading the OIDC token in ${this.file}`);
    const token = readTokenFile(this.file, this.label, context);
    checkNotExpired(token, this.file, this.label, context.clock.now());
    return { token, expiresAt: expiryOf(decodeClaims(token)) };
  }
}
