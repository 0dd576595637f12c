/**
 * The login's plan, decided before any request: the identity source (explicit or auto), every
 * refusal that spans inputs, the credential helper bundle, and the context the calls run in.
 */
import { InputError } from '../errors.js';
import type { LoginInputs } from '../inputs/read.js';
import type { NetworkSettings } from '../platform.js';
import { sendThrough } from '../net/proxy.js';
import type { Platform } from '../platform.js';
import type { Runtime } from '../runtime.js';
import type { SourceContext, SourceDefinition } from '../sources/source.js';
import type { PlatformIdentity } from '../platform.js';
import { selectSource, sourceDefinition, type Selection } from '../sources/table.js';

export interface LoginPlan {
  platform: Platform;
  runtime: Runtime;
  inputs: LoginInputs;
  /** The source chosen, why, and its table entry. */
  selection: Selection;
  source: SourceDefinition;
  /** What every call runs in: the step's timeout, its masking and logging, the runner's network. */
  context: SourceContext;
  /** What the platform offers the sources, and the runner's network settings. */
  offered?: PlatformIdentity;
  network?: NetworkSettings;
  /** The credential helper bundle, when the login goes through the helper. */
  helperScript?: string;
}

/** Plans the login; throws an InputError or LoginError when the inputs cannot work together here. */
export function planLogin(platform: Platform, runtime: Runtime, inputs: LoginInputs, signal: AbortSignal): LoginPlan {
  const network = platform.network?.();
  const offered = platform.identity?.();
  const context: SourceContext = {
    // Calls that may leave the machine use the runner's network settings; metadata calls are direct.
    send: sendThrough(runtime.send, network),
    clock: runtime.clock,
    signal,
    mask: (secret) => platform.setSecret(secret),
    debug: (message) => platform.debug(message),
    env: runtime.env,
    platform: offered
  };
  const label = (name: Parameters<Platform['label']>[0]): string => platform.label(name);
  const selection = selectSource({ inputs, env: runtime.env, platform: offered, label, test: runtime.test });
  const source = sourceDefinition(selection.source.kind);
  refuseAcrWithoutAzure(platform, inputs, selection, source);
  return { platform, runtime, inputs, selection, source, context, offered, network, helperScript: helperScript(platform, runtime, inputs) };
}

/** ACR accepts only Azure tokens: acr-registries needs an Azure source. */
function refuseAcrWithoutAzure(platform: Platform, inputs: LoginInputs, selection: Selection, source: SourceDefinition): void {
  if (inputs.acrRegistries.length === 0 || source.azure) return;
  throw new InputError(
    'acr-registries',
    `Input ${platform.label('acr-registries')} needs an Azure identity source: Azure Container Registry accepts only Azure tokens, and ` +
      `the identity source is ${source.kind} (${selection.reason}). Remove it, or log in with the machine's, pod's or app's Azure managed identity ` +
      `(${platform.label('azure-audience')}, and ${platform.label('identity-source')} auto or an Azure source).`
  );
}

/** The credential helper bundle beside the step's, when the login goes through the helper; a warning when it is missing. */
function helperScript(platform: Platform, runtime: Runtime, inputs: LoginInputs): string | undefined {
  if (!inputs.dockerLogin || !inputs.credentialHelper || inputs.diagnose) return undefined;
  const script = runtime.helperBundle?.();
  if (!script) {
    platform.warning(
      "The credential helper's bundle (helper/index.js) is not beside this step's bundle (an incomplete copy of the step, or a run from its sources): " +
        `logging in with static credentials that expire with the token. Reinstall the step, or set ${platform.label('credential-helper')} to false to silence this.`
    );
  }
  return script;
}
