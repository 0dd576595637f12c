/**
 * GitHub Actions' own OIDC token, asked through the runner library (`getIDToken(audience)`) that
 * the GitHub adapter hands over. The job needs `permissions: id-token: write`; without it the
 * runner does not set ACTIONS_ID_TOKEN_REQUEST_URL and there is no token to ask for.
 */
import { LoginError, messageOf } from '../errors.js';
import { decodeClaims, expiryOf } from '../jwt.js';
import { endpointFromEnvironment } from '../net/url.js';
import { clip } from '../text.js';
import type { AdviceContext, IdentitySource, IdentityToken, SourceContext, SourceDefinition } from './source.js';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** What a job without an OIDC token is told. */
export const MISSING_PERMISSION =
  'ACTIONS_ID_TOKEN_REQUEST_URL is not set, so this job may not ask GitHub for an OIDC token: add ' +
  '"permissions: id-token: write" to the workflow or the job (pull requests from forks never get one)';

/** Whether the runner offers this job an OIDC token. */
export function githubOidcAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim() && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim());
}

export class GithubOidcSource implements IdentitySource {
  readonly kind = 'github' as const;
  readonly name = "GitHub Actions' OIDC provider";
  readonly tokenName = 'GitHub OIDC token';
  readonly endpoint: string;
  /** The runner's request token (a secret), sent with the request: redacted from its answer. */
  private readonly requestToken: string | undefined;

  /**
   * Takes ACTIONS_ID_TOKEN_REQUEST_URL only over https, or http on loopback, since the request
   * token goes with the request.
   */
  constructor(
    private readonly audience: string,
    env: NodeJS.ProcessEnv
  ) {
    const url = endpointFromEnvironment(env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '', 'ACTIONS_ID_TOKEN_REQUEST_URL');
    this.endpoint = `${url.origin}${url.pathname}`;
    this.requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim() || undefined;
  }

  async getToken(context: SourceContext): Promise<IdentityToken> {
    const call = `Could not get GitHub's OIDC token (audience ${this.audience})`;
    const ask = context.platform?.githubIdToken;
    if (!ask) {
      throw new LoginError(
        `${call}: only the GitHub Action can ask for it. Use the action (uses: …/chainguard-azure-login) in the workflow, ` +
          'or write the token to a file and pass it as identity-token-file.'
      );
    }
    context.debug(`Asking GitHub for an OIDC token with audience ${this.audience}`);
    let token: string;
    try {
      // The runner library retries on its own; the step's timeout still bounds it.
      token = await untilAborted(ask(this.audience), context.signal);
    } catch (error) {
      if (context.signal?.aborted) throw error;
      throw new LoginError(
        `${call}: ${clip(messageOf(error), 300, [this.requestToken])}. Check that the job has "permissions: id-token: write".`
      );
    }
    if (typeof token !== 'string' || !token) throw new LoginError(`${call}: the runner returned no token.`);
    context.mask(token);
    const claims = decodeClaims(token);
    if (!claims) throw new LoginError(`${call}: what the runner returned is not a JWT.`);
    return { token, expiresAt: expiryOf(claims) };
  }
}

/** `promise`, or a rejection as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      }
    );
  });
}

/** The audience asked of GitHub's OIDC provider when oidc-audience is not set. */
export const DEFAULT_OIDC_AUDIENCE = 'issuer.enforce.dev';

/** The setup doctor's advice on a GitHub OIDC token's claims. */
function githubAdvice(_claims: unknown, { label }: AdviceContext): string[] {
  return [
    'The subject depends on what triggered the workflow (repo:<owner>/<repo>:ref:refs/heads/<branch>, …:pull_request, ' +
      `…:environment:<name>); to trust several, use --subject-pattern instead of --subject. The audience is ${label('oidc-audience')}.`
  ];
}

/** The source table's entry: under auto, chosen when the job may ask GitHub for a token and azure-audience is not set. */
export const githubOidcSource: SourceDefinition = {
  kind: 'github',
  azure: false,
  title: "GitHub Actions' OIDC token",
  detect(request) {
    if (!githubOidcAvailable(request.env)) return { found: false, why: `${MISSING_PERMISSION}.` };
    return {
      found: true,
      how: `ACTIONS_ID_TOKEN_REQUEST_URL is set and ${request.label('azure-audience')} is not`,
      build: () => new GithubOidcSource(request.inputs.oidcAudience ?? DEFAULT_OIDC_AUDIENCE, request.env)
    };
  },
  lookedFor: (request) =>
    request.env.GITHUB_ACTIONS === 'true'
      ? `- GitHub Actions' OIDC token: this is a GitHub Actions job, but ${MISSING_PERMISSION};`
      : "- GitHub Actions' OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set (not a GitHub Actions job);",
  doctorName: 'github-actions',
  advice: githubAdvice,
  environment: ['ACTIONS_ID_TOKEN_REQUEST_URL', 'GITHUB_ACTIONS'],
  secretEnvironment: ['ACTIONS_ID_TOKEN_REQUEST_TOKEN']
};
