/**
 * GitHub's OIDC token for the helper, asked through the runner library (`getIDToken`), as the
 * step asked it, at the request URL the step used. The library announces the token to the runner with an `::add-mask::` line on
 * stdout; stdout is the helper protocol's answer to docker, and the helper never prints the
 * token anywhere, so that line is dropped while the library runs.
 */
export async function githubIdToken(audience: string, requestUrl: string | undefined): Promise<string> {
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
