/** Chooses the identity-token source for this environment. */
import { ImdsSource } from './imds.js';
import type { IdentitySelector, TokenSource } from './source.js';

/**
 * The source to ask. Today every Azure machine is asked through IMDS; sources detected from
 * the environment (App Service, Arc, workload identity) slot in here ahead of it.
 */
export function selectSource(
  env: NodeJS.ProcessEnv,
  selector: IdentitySelector | undefined,
  allSelectorInputs: readonly string[]
): TokenSource {
  return new ImdsSource(selector, allSelectorInputs, ImdsSource.baseFrom(env));
}
