/**
 * The settings that exist for the project's own tests, read here and nowhere else. None is ever
 * needed in a real run, and the step prints a warning naming each one that is set.
 */
import path from 'node:path';

/** The environment variables, by setting. */
export const TEST_VARIABLES = {
  /** A number in (0, 1]: waits, budgets and time limits pass that many times faster (a 70 s IMDS update in a second). */
  timeScale: 'CHAINGUARD_LOGIN_TIME_SCALE',
  /** The directory Arc key files are accepted from, since tests cannot create the agent's own. */
  arcTokenDir: 'CHAINGUARD_LOGIN_TEST_ARC_TOKEN_DIR',
  /** Accept loopback ACR login servers (over http) and a loopback System.OidcRequestUri: the emulators listen there. */
  loopbackEndpoints: 'CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS'
} as const;

export interface TestSettings {
  /** 1 in a real run. */
  timeScale: number;
  arcTokenDir?: string;
  loopbackEndpoints: boolean;
}

/** The settings of a real run: none. */
export const NO_TEST_SETTINGS: TestSettings = { timeScale: 1, loopbackEndpoints: false };

/** The test settings `env` holds. */
export function readTestSettings(env: NodeJS.ProcessEnv): TestSettings {
  const scale = Number(env[TEST_VARIABLES.timeScale]);
  const arcTokenDir = env[TEST_VARIABLES.arcTokenDir]?.trim();
  return {
    timeScale: scale > 0 && scale <= 1 ? scale : 1,
    ...(arcTokenDir ? { arcTokenDir: path.resolve(arcTokenDir) } : {}),
    loopbackEndpoints: Boolean(env[TEST_VARIABLES.loopbackEndpoints]?.trim())
  };
}

/** The test variables `env` sets, as they are: what the credential helper keeps, so that its refreshes run as the step did. */
export function testEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of Object.values(TEST_VARIABLES)) {
    const value = env[name];
    if (value !== undefined && value !== '') kept[name] = value;
  }
  return kept;
}

const TESTS_ONLY = 'This setting exists for tests only; remove it.';

/** One warning for each setting in effect, naming its variable. */
export function testSettingWarnings(settings: TestSettings): string[] {
  const warnings: string[] = [];
  if (settings.timeScale !== 1) {
    warnings.push(
      `${TEST_VARIABLES.timeScale} is set: waits, retry budgets and time limits run ${1 / settings.timeScale} times faster. ${TESTS_ONLY}`
    );
  }
  if (settings.arcTokenDir) {
    warnings.push(`${TEST_VARIABLES.arcTokenDir} is set: Arc key files are accepted from ${settings.arcTokenDir}. ${TESTS_ONLY}`);
  }
  if (settings.loopbackEndpoints) {
    warnings.push(
      `${TEST_VARIABLES.loopbackEndpoints} is set: loopback ACR login servers and a loopback System.OidcRequestUri are accepted, and receive ` +
        `Azure and Azure DevOps tokens from this job. ${TESTS_ONLY}`
    );
  }
  return warnings;
}

/** Why a loopback endpoint is refused without the setting, for a refusal's message. */
export const LOOPBACK_FOR_TESTS_ONLY = `accepted only for tests with ${TEST_VARIABLES.loopbackEndpoints}=1, since it would hand this job's tokens to whatever listens on this machine`;
