/**
 * The setup doctor: from the token a runner presents (its claims, decoded, never the token),
 * the exact `chainctl` command and Terraform block that make Chainguard trust it, with advice for
 * the source it came from. Used when the STS refuses a token and by `diagnose`.
 */
import { LoginError } from '../errors.js';
import { TokenRefused } from '../exchange/chainguard-sts.js';
import { claimText, decodeClaims, expiryOf, type Claims } from '../jwt.js';
import { isIssuerUrl, shellArg, shellWord } from '../shell.js';
import type { SourceDefinition } from '../sources/source.js';
import type { SourceInputName } from '../sources/inputs.js';

export interface Presented {
  /** The source table's entry of the source that presented it (its suggested identity name and advice). */
  source: Pick<SourceDefinition, 'doctorName' | 'advice'>;
  /** The token (already masked); only its claims are ever shown. */
  token: string;
  /** "Azure token", "GitHub OIDC token", … */
  tokenName: string;
  /** The identity the job asked for, when it named one (its parent is where to create the new one). */
  identity?: string;
  /** The time to compare `exp` with. */
  now: number;
  /** How the platform spells an input, for advice. */
  label: (name: SourceInputName) => string;
}

/** What a printed command shows for an issuer that is not a URL. */
const ISSUER_PLACEHOLDER = '<issuer URL>';

/** The claims that matter, for messages. */
export function claimSummary(claims: Claims | undefined): { iss: string; sub: string; aud: string; exp?: Date } {
  const aud = claims?.aud;
  // An identity matches one audience: take the first of a list.
  const first = Array.isArray(aud) ? aud.find((a) => typeof a === 'string') : aud;
  return {
    iss: claimText(claims, 'iss'),
    sub: claimText(claims, 'sub'),
    aud: typeof first === 'string' ? first : '(absent)',
    exp: expiryOf(claims)
  };
}

/** A value as a Terraform string literal (JSON escapes, with template sequences escaped). */
function hclString(value: string): string {
  return JSON.stringify(value)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

function parentOf(identity: string | undefined): string | undefined {
  if (!identity) return undefined;
  const at = identity.lastIndexOf('/');
  return at > 0 ? identity.slice(0, at) : undefined;
}

/** The lines that tell a user how to make Chainguard trust the presented token. */
export function trustLines(presented: Presented): string[] {
  const { iss, sub, aud, exp } = claimSummary(decodeClaims(presented.token));
  if (iss === '(absent)' || sub === '(absent)') {
    return [
      `The ${presented.tokenName} has no ${iss === '(absent)' ? 'issuer (iss)' : 'subject (sub)'} claim, so no assumable identity can match it.`
    ];
  }
  const name = presented.source.doctorName;
  const parent = parentOf(presented.identity);
  const hasAudience = aud !== '(absent)';
  const command = [
    'chainctl iam identities create',
    name,
    ...(parent ? [`--parent=${shellWord(parent)}`] : []),
    `--identity-issuer=${shellArg(iss, ISSUER_PLACEHOLDER, isIssuerUrl)}`,
    `--subject=${shellArg(sub, '<subject>')}`,
    ...(hasAudience ? [`--audience=${shellArg(aud, '<audience>')}`] : []),
    '--role=registry.pull'
  ].join(' ');
  const terraform = [
    `  resource "chainguard_identity" "${name.replace(/-/g, '_')}" {`,
    `    parent_id = ${hclString(parent ?? '<your organization or folder ID>')}`,
    `    name      = ${hclString(name)}`,
    '    claim_match {',
    `      issuer   = ${hclString(iss)}`,
    `      subject  = ${hclString(sub)}`,
    ...(hasAudience ? [`      audience = ${hclString(aud)}`] : []),
    '    }',
    '  }'
  ];
  const lines = [
    'To trust this runner, create an assumable identity that matches these claims:',
    `  ${command}`,
    'or in Terraform (chainguard provider; then bind it to the role registry.pull with a chainguard_rolebinding):',
    ...terraform,
    ...presented.source.advice({ iss, sub, aud }, { label: presented.label, parent })
  ];
  if (exp && exp.getTime() <= presented.now) {
    lines.push(`Note: this token expired at ${exp.toISOString()}; a fresh one is needed whatever the identity.`);
  }
  return lines;
}

/** The advice appended to an STS 401/403: the claims presented, then how to trust them. */
export function refusalAdvice(presented: Presented): string {
  const claims = decodeClaims(presented.token);
  if (!claims) return `The ${presented.tokenName} could not be decoded, so its claims cannot be shown.`;
  const { iss, sub } = claimSummary(claims);
  const who = presented.identity ? `The identity ${presented.identity}` : 'The identity';
  const first = `${who} must match the ${presented.tokenName}'s claims: issuer "${iss}", subject "${sub}", audience "${claimText(claims, 'aud')}".`;
  return [first, ...trustLines(presented)].join('\n');
}

/** What `diagnose` prints: the claims, how to trust them, and that nothing was exchanged. */
export function diagnosisLines(presented: Presented, from: string): string[] {
  const claims = decodeClaims(presented.token);
  if (!claims) return [`Diagnosis: the ${presented.tokenName} from ${from} is not a JWT, so it has no claims to match.`];
  const { iss, sub, exp } = claimSummary(claims);
  return [
    `Diagnosis: the ${presented.tokenName} from ${from} has these claims (the token itself is not shown):`,
    `  issuer   (iss): ${iss}`,
    `  subject  (sub): ${sub}`,
    `  audience (aud): ${claimText(claims, 'aud')}`,
    ...(exp ? [`  expires  (exp): ${exp.toISOString()}`] : []),
    ...trustLines(presented),
    `Then set ${presented.label('identity')} to the new identity's UIDP (chainctl iam identities list).`,
    'Stopped before the exchange (diagnose): nothing was sent to Chainguard and nothing was written.'
  ];
}

/**
 * The STS's refusal of a token (TokenRefused), with the claims presented and how to make
 * Chainguard trust them appended; any other error as it is.
 */
export function withTrustAdvice(error: unknown, presented: Pick<Presented, 'source' | 'tokenName' | 'label'>): unknown {
  if (!(error instanceof TokenRefused)) return error;
  const advice = refusalAdvice({ ...presented, token: error.request.subjectToken, identity: error.request.identity, now: Date.now() });
  return new LoginError(`${error.message} ${advice}`);
}
