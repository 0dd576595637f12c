/**
 * The credential helper's platform: what it can offer the identity sources when it refreshes.
 * No runner library is loaded until a refresh asks for it, so that a cached answer stays quick.
 *
 * GitHub: the job's OIDC token through the runner library (`getIDToken`), as the step asked it,
 * at the request URL the step used, with ACTIONS_ID_TOKEN_REQUEST_TOKEN from the environment
 * docker runs the helper in. Azure Pipelines: the job's access token, which a later step has only
 * when it maps SYSTEM_ACCESSTOKEN into its environment.
 */
import type { PlatformIdentity } from '../core/platform.js';

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

/**
 * What the helper offers the platform sources: GitHub's OIDC token at the request URL the step
 * used (`requestUrl`), and the job's access token when the step that runs docker maps it.
 */
export function helperPlatform(requestUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): PlatformIdentity {
  return {
    githubIdToken: (audience) => githubIdToken(audience, requestUrl),
    azureDevOpsAccessToken: () => env.SYSTEM_ACCESSTOKEN?.trim() || undefined
  };
}
