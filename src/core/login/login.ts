/**
 * The login, as a short list of phases: read the inputs, plan (the source and every refusal),
 * get the identity token, exchange it, write the login and the outputs. Everything that can be
 * refused is refused before the first request; nothing is written until every token is in hand.
 */
import { LoginError, messageOf } from '../errors.js';
import { readInputs, type LoginInputs } from '../inputs/read.js';
import type { Platform } from '../platform.js';
import type { Runtime } from '../runtime.js';
import { testSettingWarnings } from '../test-settings.js';
import { diagnose, exchange, getIdentityToken, type Progress } from './exchange.js';
import { install } from './install.js';
import { planLogin } from './plan.js';

/** Logs the job in; throws a LoginError (or InputError) with one clear message on failure. */
export async function login(platform: Platform, runtime: Runtime): Promise<void> {
  // A setting that exists for tests only is never silent.
  for (const warning of testSettingWarnings(runtime.test)) platform.warning(warning);
  const inputs = readInputs(platform, { cwd: runtime.cwd, home: runtime.home, test: runtime.test });
  const signal = AbortSignal.timeout(inputs.timeoutSeconds * 1000);
  const progress: Progress = { waitingFor: 'the start' };
  try {
    const plan = planLogin(platform, runtime, inputs, signal);
    const presented = await getIdentityToken(plan, progress);
    if (inputs.diagnose) return diagnose(plan, presented);
    const tokens = await exchange(plan, presented, progress);
    await install(plan, tokens, progress);
  } catch (error) {
    throw signal.aborted ? timedOut(platform, inputs, progress) : error instanceof Error ? error : new Error(String(error));
  }
}

/** The step's own timeout, naming what it was waiting for. */
function timedOut(platform: Platform, inputs: LoginInputs, progress: Progress): LoginError {
  return new LoginError(
    `Timed out after ${inputs.timeoutSeconds} s (${platform.label('timeout')}) while waiting for ${progress.waitingFor}. ` +
      `Raise ${platform.label('timeout')} if the service is slow, or check that it is reachable from this machine.`
  );
}

/** Runs `login`, reporting any failure through the platform as one message. */
export async function runLogin(platform: Platform, runtime: Runtime): Promise<void> {
  try {
    await login(platform, runtime);
  } catch (error) {
    platform.setFailed(messageOf(error));
  }
}
