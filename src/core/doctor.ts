/**
 * The setup doctor: from the token a runner presents (its claims, decoded, never the token),
 * the exact `chainctl` command and Terraform block that make Chainguard trust it, with advice for
 * the source it came from. Used when the STS refuses a token and by `diagnose`.
 */
import { claimText, decodeClaims, expiryOf, type Claims } from './jwt.js';
import { isIssuerUrl, shellArg, shellWord } from './shell.js';
import type { SourceKind } from './sources/source.js';

export interface Presented {
  kind: SourceKind;
  /** The token (already masked); only its claims are ever shown. */
  token: string;
  /** "Azure token", "GitHub OIDC token", … */
  tokenName: string;
  /** The identity the job asked for, when it named one (its parent is where to create the new one). */
  identity?: string;
  /** The time to compare `exp` with. */
  now: number;
  /** How the platform spells an input, for advice. */
  label: (name: 'identity' | 'oidc-audience' | 'azure-devops-service-connection' | 'azure-audience') => string;
}

/** A suggested identity name per source. */
const NAMES: Record<SourceKind, string> = {
  imds: 'azure-vm-runners',
  'app-service': 'azure-container-apps-runners',
  arc: 'azure-arc-runners',
  'workload-identity': 'aks-workload-identity',
  'token-file': 'kubernetes-ci',
  github: 'github-actions',
  'azure-devops': 'azure-pipelines'
};

const AZURE_KINDS: readonly SourceKind[] = ['imds', 'app-service', 'arc', 'workload-identity'];
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

export { shellWord } from './shell.js';

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

/** The lines that tell a user how to make Chainguard trust the presented token. */
export function trustLines(presented: Presented): string[] {
  const { iss, sub, aud, exp } = claimSummary(decodeClaims(presented.token));
  if (iss === '(absent)' || sub === '(absent)') {
    return [
      `The ${presented.tokenName} has no ${iss === '(absent)' ? 'issuer (iss)' : 'subject (sub)'} claim, so no assumable identity can match it.`
    ];
  }
  const name = NAMES[presented.kind];
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
    ...advice(presented, { iss, sub, aud, name })
  ];
  if (exp && exp.getTime() <= presented.now) {
    lines.push(`Note: this token expired at ${exp.toISOString()}; a fresh one is needed whatever the identity.`);
  }
  return lines;
}

/** Advice that depends on where the token came from. */
function advice(presented: Presented, claims: { iss: string; sub: string; aud: string; name: string }): string[] {
  const { iss, sub, aud, name } = claims;
  const label = presented.label;
  if (AZURE_KINDS.includes(presented.kind)) {
    if (iss.startsWith('https://sts.windows.net/')) {
      return [
        'Likely cause: the token has a v1 issuer (https://sts.windows.net/<tenant-id>/). Either create the identity with the v1 ' +
          'issuer and audience shown above, or set "requestedAccessTokenVersion": 2 in the Entra app\'s manifest so the issuer ' +
          "becomes https://login.microsoftonline.com/<tenant-id>/v2.0 and the audience the app's client ID."
      ];
    }
    if (aud.startsWith('api://')) {
      return [
        "Likely cause: the audience. v2 tokens carry the Entra app's client ID as audience, not its Application ID URI; create " +
          'the identity with the audience shown above.'
      ];
    }
    return [
      "The subject is the managed identity's principal (object) ID and the audience the Entra app's client ID (from " +
        `${label('azure-audience')}); compare them with the identity the job uses (chainctl iam identities describe <id>).`
    ];
  }
  if (presented.kind === 'token-file') {
    const lines: string[] = [];
    const parent = parentOf(presented.identity);
    if (sub.startsWith('system:serviceaccount:')) {
      const keys = `${iss.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const lead = looksPrivate(iss)
        ? `The issuer ${iss} does not look reachable from the internet, and Chainguard fetches its signing keys from ${keys}: ` +
          "create a static identity with the cluster's keys instead"
        : `If the cluster's issuer is not reachable from the internet (Chainguard fetches its signing keys from ${keys}), ` +
          "create a static identity with the cluster's keys instead";
      lines.push(
        `${lead} (register them again before they expire, at most 30 days):`,
        `  chainctl iam identities create ${name}${parent ? ` --parent=${shellWord(parent)}` : ''} --identity-issuer=${shellArg(iss, ISSUER_PLACEHOLDER, isIssuerUrl)} ` +
          `--issuer-keys="$(kubectl get --raw /openid/v1/jwks)" --subject=${shellArg(sub, '<subject>')} --role=registry.pull`,
        '  (Terraform: a static { issuer, issuer_keys, subject, expiration } block instead of claim_match.)'
      );
      if (aud !== 'issuer.enforce.dev') {
        lines.push(
          `The token's audience is "${aud}"; Chainguard's Kubernetes guide projects it with audience issuer.enforce.dev (serviceAccountToken.audience).`
        );
      }
    }
    return lines;
  }
  if (presented.kind === 'github') {
    return [
      'The subject depends on what triggered the workflow (repo:<owner>/<repo>:ref:refs/heads/<branch>, …:pull_request, ' +
        `…:environment:<name>); to trust several, use --subject-pattern instead of --subject. The audience is ${label('oidc-audience')}.`
    ];
  }
  return [
    `Without ${label('azure-devops-service-connection')} the subject names this pipeline (p://<org>/<project>/<pipeline>); with it, ` +
      'the service connection (sc://<org>/<project>/<connection>). The audience is always api://AzureADTokenExchange.'
  ];
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
