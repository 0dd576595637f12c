/**
 * Loopback addresses, and the one test-only setting that lets secrets go to a loopback endpoint
 * where production never has one (an ACR login server, Azure DevOps' OIDC request URI): the
 * project's emulators listen there. The setting is read here and nowhere else.
 */

/** Whether a URL hostname is a loopback address or localhost. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * For the project's tests only: accept loopback `host:port` ACR login servers (over http) and a
 * loopback System.OidcRequestUri. The step warns whenever it is set.
 */
export const TEST_LOOPBACK_VARIABLE = 'CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS';

/** Whether the test-only setting is set (to anything): the one place that reads it. */
export function testLoopbackEndpoints(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env[TEST_LOOPBACK_VARIABLE]?.trim());
}

/** The warning printed whenever the setting is set. */
export const TEST_LOOPBACK_WARNING =
  `${TEST_LOOPBACK_VARIABLE} is set: loopback ACR login servers and a loopback System.OidcRequestUri are accepted, and receive ` +
  'Azure and Azure DevOps tokens from this job. This setting exists for tests only; remove it.';

/** Why a loopback endpoint is refused without the setting, for a refusal's message. */
export const LOOPBACK_FOR_TESTS_ONLY = `accepted only for tests with ${TEST_LOOPBACK_VARIABLE}=1, since it would hand this job's tokens to whatever listens on this machine`;
