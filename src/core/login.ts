/**
 * The orchestration: inputs → identity token → Chainguard token → docker auth → outputs.
 * Everything that can be refused is refused before the first request; nothing is written
 * until both tokens are in hand.
 */
import type { Platform } from './platform.js';
import type { Clock } from './clock.js';
import { STATE_KEY, tempRootOf } from './cleanup.js';
import { installDockerLogin, parseCleanupState, removeDockerLogin, TOKEN_USERNAME, type InstalledLogin } from './docker-login.js';
import { LoginError, messageOf } from './errors.js';
import { diagnosisLines, type Presented } from './doctor.js';
import { exchangeAtChainguard } from './exchange/chainguard-sts.js';
import type { HttpRequest, HttpResponse } from './http.js';
import { readInputs } from './inputs.js';
import { selectSource } from './sources/index.js';
import type { SourceContext } from './sources/source.js';

/** What the core takes from the process: injectable for tests. */
export interface Runtime {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  send: (request: HttpRequest) => Promise<HttpResponse>;
  home: string;
  cwd: string;
}

/** Logs the job in; throws a LoginError (or InputError) with one clear message on failure. */
export async function login(platform: Platform, runtime: Runtime): Promise<void> {
  const inputs = readInputs(platform, runtime.cwd);
  const signal = AbortSignal.timeout(inputs.timeoutSeconds * 1000);
  let waitingFor = 'the start';
  const network = platform.network?.();
  const offered = platform.identity?.();
  const context: SourceContext = {
    // Calls that may leave the machine use the runner's network settings; metadata calls are direct.
    send: (request) => runtime.send(request.route === 'environment' && network ? { ...request, network } : request),
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

    let dockerConfigDir = '';
    let installed: InstalledLogin | undefined;
    // A login earlier in the same shell (the command-line tool hands its state back): replaced.
    const previous = parseCleanupState(platform.getState(STATE_KEY));
    const tempRoot = tempRootOf(platform);
    try {
      if (inputs.dockerLogin) {
        waitingFor = 'the docker config to be written';
        installed = await installDockerLogin({
          registry: inputs.registry,
          username: TOKEN_USERNAME,
          password: chainguard.token,
          explicitDir: inputs.dockerConfig,
          explicitDirLabel: platform.label('docker-config'),
          tempRoot,
          env: runtime.env,
          home: runtime.home,
          warn: (message) => platform.warning(message),
          saveState: inputs.logout ? (state) => platform.saveState(STATE_KEY, JSON.stringify(state)) : undefined,
          previous
        });
        dockerConfigDir = installed.dockerConfigDir;
        platform.exportVariable('DOCKER_CONFIG', installed.dockerConfigDir);
        platform.exportVariable('REGISTRY_AUTH_FILE', installed.containersAuthFile);
        platform.info(`Logged in to ${inputs.registry}; docker config in ${installed.dockerConfigDir} (exported as DOCKER_CONFIG)`);
      }

      platform.setOutput('token', chainguard.token, { secret: true });
      platform.setOutput('expires-at', expiresAt);
      platform.setOutput('identity', inputs.identity);
      platform.setOutput('docker-config', dockerConfigDir);
    } catch (error) {
      // Nothing half-written: a failure after the login was written takes it out again.
      if (installed) await removeDockerLogin(installed.state, { tempRoot, env: runtime.env }).catch(() => undefined);
      throw error;
    }
    platform.info(`Chainguard token for ${inputs.identity} expires at ${expiresAt}`);
    if (previous && inputs.dockerLogin) {
      try {
        for (const line of await removeDockerLogin(previous, { tempRoot, env: runtime.env })) platform.info(`Replaced the earlier login: ${line}`);
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
