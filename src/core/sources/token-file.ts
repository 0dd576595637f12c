/**
 * An OIDC token in a file: a Kubernetes projected service-account token (audience
 * `issuer.enforce.dev`, as Chainguard's Kubernetes and Jenkins guides set it up) or any CI's token
 * written to a file. It is read afresh at every use (the kubelet rotates it), masked at once, and
 * presented to Chainguard as it is: no Azure call is made.
 */
import { LoginError } from '../errors.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../fs/atomic.js';
import { claimText, decodeClaims, expiryOf } from '../jwt.js';
import { isIssuerUrl, shellArg, shellWord } from '../shell.js';
import type { AdviceContext, IdentitySource, IdentityToken, PresentedClaims, SourceContext, SourceDefinition } from './source.js';

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

/** Whether an issuer URL is unlikely to be reachable from the internet (a cluster-internal name). */
export function looksPrivate(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return true;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (url.protocol !== 'https:' || !host.includes('.')) return true;
  if (/\.(local|svc|internal|localdomain|lan|cluster\.local)$/.test(host)) return true;
  if (/^(10\.|127\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host)) return true;
  return host === '::1' || host.startsWith('fc') || host.startsWith('fd');
}

const DOCTOR_NAME = 'kubernetes-ci';

/**
 * The setup doctor's advice on a token file's claims: a Kubernetes service account's issuer that
 * Chainguard cannot reach needs a static identity with the cluster's keys.
 */
function tokenFileAdvice({ iss, sub, aud }: PresentedClaims, { parent }: AdviceContext): string[] {
  if (!sub.startsWith('system:serviceaccount:')) return [];
  const keys = `${iss.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const lead = looksPrivate(iss)
    ? `The issuer ${iss} does not look reachable from the internet, and Chainguard fetches its signing keys from ${keys}: ` +
      "create a static identity with the cluster's keys instead"
    : `If the cluster's issuer is not reachable from the internet (Chainguard fetches its signing keys from ${keys}), ` +
      "create a static identity with the cluster's keys instead";
  const lines = [
    `${lead} (register them again before they expire, at most 30 days):`,
    `  chainctl iam identities create ${DOCTOR_NAME}${parent ? ` --parent=${shellWord(parent)}` : ''} --identity-issuer=${shellArg(iss, '<issuer URL>', isIssuerUrl)} ` +
      `--issuer-keys="$(kubectl get --raw /openid/v1/jwks)" --subject=${shellArg(sub, '<subject>')} --role=registry.pull`,
    '  (Terraform: a static { issuer, issuer_keys, subject, expiration } block instead of claim_match.)'
  ];
  if (aud !== 'issuer.enforce.dev') {
    lines.push(
      `The token's audience is "${aud}"; Chainguard's Kubernetes guide projects it with audience issuer.enforce.dev (serviceAccountToken.audience).`
    );
  }
  return lines;
}

/** The source table's entry: under auto, chosen whenever identity-token-file is set. */
export const tokenFileSource: SourceDefinition = {
  kind: 'token-file',
  azure: false,
  title: 'an OIDC token file',
  detect(request) {
    const file = request.inputs.identityTokenFile;
    const label = request.label('identity-token-file');
    if (!file) {
      const message = `Input ${label} is required with ${request.label('identity-source')} token-file: the path of the OIDC token file.`;
      return { found: false, why: `${label} is not set`, required: { input: 'identity-token-file', message } };
    }
    return { found: true, how: `${label} is set`, build: () => new TokenFileSource(file, label) };
  },
  refusals: { 'azure-audience': 'the token file is presented to Chainguard as it is; no Azure token is asked for.' },
  lookedFor: (request) => `- ${request.label('identity-token-file')}: not set;`,
  doctorName: DOCTOR_NAME,
  advice: tokenFileAdvice,
  environment: []
};
