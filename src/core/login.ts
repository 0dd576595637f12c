/**
 * The orchestration: inputs → identity token → Chainguard token → docker auth → outputs.
 * Everything that can be refused is refused before the first request; nothing is written
 * until both tokens are in hand.
 */
import type { Platform } from './platform.js';
import type { Clock } from './clock.js';
import { STATE_KEY, tempRootOf } from './cleanup.js';
import { installDockerLogin, parseCleanupState, removeDockerLogin, TOKEN_USERNAME, type InstalledLogin } from './docker-login.js';
import { InputError, LoginError, messageOf } from './errors.js';
import { diagnosisLines, type Presented } from './doctor.js';
import { exchangeAtChainguard } from './exchange/chainguard-sts.js';
import type { HttpRequest, HttpResponse } from './http.js';
import { API_AUDIENCE, readInputs, type InputName, type LoginInputs } from './inputs.js';
import { TEST_LOOPBACK_WARNING, testLoopbackEndpoints } from './loopback.js';
import { ACR_RESOURCE, ACR_USERNAME, exchangeAtAcr, type AcrCredential } from './exchange/acr.js';
import { installHelper, sharedHelperName, type HelperConfig, type HelperCredential, type PortableNetwork } from './credential-helper.js';
import { describeSource, helperConfigFor, labelsOf, sendThrough } from './helper-refresh.js';
import { selectSource } from './sources/index.js';
import { AZURE_SOURCES, type PlatformIdentity, type SourceContext, type SourceKind } from './sources/source.js';

/** What the core takes from the process: injectable for tests. */
export interface Runtime {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  send: (request: HttpRequest) => Promise<HttpResponse>;
  home: string;
  cwd: string;
  /** Where the credential helper bundle is (dist/helper/index.js beside the step's bundle). */
  helperBundle?: () => string | undefined;
  /** The Node that runs the helper (default the one running now). */
  nodePath?: string;
}

/** Logs the job in; throws a LoginError (or InputError) with one clear message on failure. */
export async function login(platform: Platform, runtime: Runtime): Promise<void> {
  // The test-only setting that admits loopback endpoints for secrets is never silent.
  if (testLoopbackEndpoints(runtime.env)) platform.warning(TEST_LOOPBACK_WARNING);
  const inputs = readInputs(platform, runtime.cwd, runtime.env);
  const signal = AbortSignal.timeout(inputs.timeoutSeconds * 1000);
  let waitingFor = 'the start';
  const network = platform.network?.();
  const offered = platform.identity?.();
  const context: SourceContext = {
    // Calls that may leave the machine use the runner's network settings; metadata calls are direct.
    send: sendThrough(runtime.send, network),
    clock: runtime.clock,
    signal,
    mask: (secret) => platform.setSecret(secret),
    debug: (message) => platform.debug(message),
    warn: (message) => platform.warning(message),
    env: runtime.env,
    platform: offered
  };

  try {
    const { source, reason } = selectSource({ inputs, env: runtime.env, platform: offered, label: (name) => platform.label(name) });
    if (inputs.acrRegistries.length > 0 && !(AZURE_SOURCES as readonly string[]).includes(source.kind)) {
      throw new InputError(
        'acr-registries',
        `Input ${platform.label('acr-registries')} needs an Azure identity source: Azure Container Registry accepts only Azure tokens, and ` +
          `the identity source is ${source.kind} (${reason}). Remove it, or log in with the machine's, pod's or app's Azure managed identity ` +
          `(${platform.label('azure-audience')}, and ${platform.label('identity-source')} auto or an Azure source).`
      );
    }
    const helperScript = inputs.dockerLogin && inputs.credentialHelper && !inputs.diagnose ? runtime.helperBundle?.() : undefined;
    if (inputs.dockerLogin && inputs.credentialHelper && !inputs.diagnose && !helperScript) {
      platform.warning(
        "The credential helper's bundle (helper/index.js) is not beside this step's bundle (an incomplete copy of the step, or a run from its sources): " +
          `logging in with static credentials that expire with the token. Reinstall the step, or set ${platform.label('credential-helper')} to false to silence this.`
      );
    }
    platform.info(`Identity source: ${source.name} (${reason})`);
    const what = `${/^[AEIOU]/.test(source.tokenName) ? 'an' : 'a'} ${source.tokenName}`;
    waitingFor = `${what} from ${source.name} (${source.endpoint})`;
    platform.info(`Getting ${what} from ${source.name}${source.resource ? ` for ${source.resource}` : ''}`);
    const presented = await source.getToken(context);
    const doctor: Pick<Presented, 'kind' | 'tokenName' | 'label'> = {
      kind: source.kind,
      tokenName: source.tokenName,
      label: (name) => platform.label(name)
    };

    if (inputs.diagnose) {
      const lines = diagnosisLines(
        { ...doctor, token: presented.token, identity: inputs.identity || undefined, now: runtime.clock.now() },
        `${source.name} (${source.endpoint})`
      );
      for (const line of lines) platform.info(line);
      return;
    }

    waitingFor = `Chainguard's STS (${inputs.issuer})`;
    platform.info(`Exchanging it at ${inputs.issuer} for identity ${inputs.identity}`);
    const chainguard = await exchangeAtChainguard(
      {
        issuer: inputs.issuer,
        identity: inputs.identity,
        audience: inputs.audience,
        subjectToken: presented.token,
        identityInput: platform.label('identity'),
        audienceInput: platform.label('audience'),
        presented: doctor
      },
      context
    );
    const expiresAt = chainguard.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z');

    let apiToken: string | undefined;
    if (inputs.apiToken) {
      waitingFor = `Chainguard's STS (${inputs.issuer}) for an API token`;
      platform.info(`Exchanging it at ${inputs.issuer} for an API token (audience ${API_AUDIENCE})`);
      apiToken = (
        await exchangeAtChainguard(
          {
            issuer: inputs.issuer,
            identity: inputs.identity,
            audience: API_AUDIENCE,
            subjectToken: presented.token,
            identityInput: platform.label('identity'),
            audienceInput: platform.label('api-token'),
            presented: doctor
          },
          context
        )
      ).token;
    }

    const acr: { server: string; credential: AcrCredential }[] = [];
    if (inputs.acrRegistries.length > 0) {
      // The same source, asked for a token ACR accepts.
      const acrSource = selectSource({
        inputs: { ...inputs, identitySource: source.kind, azureResource: ACR_RESOURCE },
        env: runtime.env,
        platform: offered,
        label: (name) => platform.label(name)
      }).source;
      let azureToken: Promise<string> | undefined;
      for (const server of inputs.acrRegistries) {
        waitingFor = `the Azure Container Registry ${server}`;
        platform.info(`Logging in to the Azure Container Registry ${server} with an Azure token for ${ACR_RESOURCE}`);
        azureToken ??= acrSource.getToken(context).then((token) => token.token);
        const credential = await exchangeAtAcr(
          { loginServer: server, azureToken: () => azureToken as Promise<string>, inputLabel: platform.label('acr-registries') },
          context
        );
        acr.push({ server, credential });
      }
    }

    let dockerConfigDir = '';
    let installed: InstalledLogin | undefined;
    // A login earlier in the same shell (the command-line tool hands its state back): replaced.
    const previous = parseCleanupState(platform.getState(STATE_KEY));
    const tempRoot = tempRootOf(platform);
    try {
      if (inputs.dockerLogin) {
        waitingFor = 'the docker config to be written';
        const seed: Record<string, HelperCredential> = {
          [inputs.registry]: { username: TOKEN_USERNAME, secret: chainguard.token, expiresAt: chainguard.expiresAt }
        };
        for (const { server, credential } of acr)
          seed[server] = { username: ACR_USERNAME, secret: credential.password, expiresAt: credential.expiresAt };
        installed = await installDockerLogin({
          registry: inputs.registry,
          username: TOKEN_USERNAME,
          password: chainguard.token,
          more: acr.map(({ server, credential }) => ({ registry: server, username: credential.username, password: credential.password })),
          helper: helperScript
            ? (jobDir, shared) =>
                installHelper({
                  root: jobDir,
                  config: helperConfig(inputs, source.kind, runtime, offered, (name) => platform.label(name), network?.portable),
                  nodePath: runtime.nodePath ?? process.execPath,
                  helperScript,
                  seed,
                  ...(network?.portable ? { networkSecrets: network.portable.secrets } : {}),
                  ...(shared ? { nameFor: (host: string) => sharedHelperName(shared, host) } : {})
                })
            : undefined,
          explicitDir: inputs.dockerConfig,
          explicitDirLabel: platform.label('docker-config'),
          credentialHelperLabel: platform.label('credential-helper'),
          tempRoot,
          env: runtime.env,
          home: runtime.home,
          warn: (message) => platform.warning(message),
          saveState: inputs.logout ? (state) => platform.saveState(STATE_KEY, JSON.stringify(state)) : undefined,
          previous
        });
        dockerConfigDir = installed.dockerConfigDir;
        if (installed.helper) platform.addPath(installed.helper.binDir);
        platform.exportVariable('DOCKER_CONFIG', installed.dockerConfigDir);
        platform.exportVariable('REGISTRY_AUTH_FILE', installed.containersAuthFile);
        const hosts = [inputs.registry, ...acr.map((a) => a.server)].join(', ');
        platform.info(`Logged in to ${hosts}; docker config in ${installed.dockerConfigDir} (exported as DOCKER_CONFIG)`);
        if (installed.helper) {
          const names = [...new Set(installed.helper.names.values())].map((name) => `docker-credential-${name}`).join(', ');
          platform.info(
            `Credential helper ${names} (in ${installed.helper.binDir}, put on PATH) hands out the credentials ` +
              (inputs.logout
                ? 'and gets fresh ones from the same identity source before they expire'
                : `until they expire: with ${platform.label('logout')} false it gets no new ones, so the login ends when its token expires`)
          );
        }
      }

      platform.setOutput('token', chainguard.token, { secret: true });
      platform.setOutput('expires-at', expiresAt);
      platform.setOutput('identity', inputs.identity);
      platform.setOutput('docker-config', dockerConfigDir);
      if (apiToken !== undefined) platform.setOutput('api-token', apiToken, { secret: true });
    } catch (error) {
      // Nothing half-written: a failure after the login was written takes it out again.
      if (installed) await removeDockerLogin(installed.state, { tempRoot, env: runtime.env }).catch(() => undefined);
      throw error;
    }
    platform.info(`Chainguard token for ${inputs.identity} expires at ${expiresAt}`);
    if (previous && inputs.dockerLogin) {
      try {
        for (const line of await removeDockerLogin(previous, { tempRoot, env: runtime.env }))
          platform.info(`Replaced the earlier login: ${line}`);
      } catch (error) {
        platform.warning(`Could not remove the earlier login: ${messageOf(error)}`);
      }
    }
  } catch (error) {
    if (signal.aborted) {
      throw new LoginError(
        `Timed out after ${inputs.timeoutSeconds} s (${platform.label('timeout')}) while waiting for ${waitingFor}. ` +
          `Raise ${platform.label('timeout')} if the service is slow, or check that it is reachable from this machine.`
      );
    }
    throw error instanceof Error ? error : new Error(String(error));
  }
}

/** Runs `login`, reporting any failure through the platform as one message. */
export async function runLogin(platform: Platform, runtime: Runtime): Promise<void> {
  try {
    await login(platform, runtime);
  } catch (error) {
    platform.setFailed(messageOf(error));
  }
}

/** The credential helper's configuration for this login: the source chosen, its inputs, the hosts, the runner's network. */
function helperConfig(
  inputs: LoginInputs,
  kind: SourceKind,
  runtime: Runtime,
  offered: PlatformIdentity | undefined,
  label: (name: InputName) => string,
  network: PortableNetwork | undefined
): HelperConfig {
  return helperConfigFor({
    source: describeSource(kind, inputs, runtime.env, offered),
    registry: inputs.registry,
    issuer: inputs.issuer,
    identity: inputs.identity,
    audience: inputs.audience,
    acrRegistries: inputs.acrRegistries,
    labels: labelsOf(label),
    timeoutSeconds: inputs.timeoutSeconds,
    ...(network ? { network: network.settings } : {}),
    // A login that is not logged out at the end of the job ends when its token expires.
    noRefresh: !inputs.logout
  });
}
