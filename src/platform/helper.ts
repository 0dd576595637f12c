/**
 * The credential helper's platform: what it can offer the identity sources when it refreshes.
 * No runner library is loaded until a refresh asks for it, so that a cached answer stays quick.
 *
 * GitHub: the job's OIDC token through the runner library (`getIDToken`), as the step asked it,
 * at the request URL the step used, with ACTIONS_ID_TOKEN_REQUEST_TOKEN from the environment
 * docker runs the helper in. Azure Pipelines: the job's access token, which a later step has only
 * when it maps SYSTEM_ACCESSTOKEN into its environment.
 */
import { HelperError, type HelperSource } from '../core/credential-helper/config.js';
import type { PlatformIdentity } from '../core/sources/source.js';

/**
 * GitHub's OIDC token for `audience`. The library announces the token to the runner with an
 * `::add-mask::` line on stdout; stdout is the helper protocol's answer to docker, and the helper
 * never prints the token anywhere, so that line is dropped while the library runs.
 */
async function githubIdToken(audience: string, requestUrl: string | undefined): Promise<string> {
  // The library reads the request URL from the environment: the one the step used.
  if (requestUrl) process.env.ACTIONS_ID_TOKEN_REQUEST_URL = requestUrl;
  const core = await import('@actions/core');
  const write = process.stdout.write;
  process.stdout.write = ((_chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') (done as () => void)();
    return true;
  }) as typeof process.stdout.write;
  try {
    return await core.getIDToken(audience);
  } finally {
    process.stdout.write = write;
  }
}

/** What the helper offers the platform sources, for the source the step used. */
export function helperPlatform(source: HelperSource, env: NodeJS.ProcessEnv = process.env): PlatformIdentity | undefined {
  if (source.kind === 'github') {
    return { githubIdToken: (audience) => githubIdToken(audience, source.env.ACTIONS_ID_TOKEN_REQUEST_URL) };
  }
  if (source.kind === 'azure-devops') {
    return {
      azureDevOpsAccessToken: () => {
        const token = env.SYSTEM_ACCESSTOKEN?.trim();
        if (!token) {
          throw new HelperError(
            'SYSTEM_ACCESSTOKEN is not in the environment of this step, and a fresh Azure DevOps OIDC token needs it: map it in the step that runs docker, env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)',
            { local: true }
          );
        }
        return token;
      }
    };
  }
  return undefined;
}
