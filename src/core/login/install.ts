/**
 * The login's writes: the docker and containers auth (through the credential helper, or static),
 * the outputs, and the removal of a login made earlier in the same shell. Nothing is half-written:
 * a failure after the login was written takes it out again.
 */
import { describeSource, helperConfigFor, labelsOf } from '../credential-helper/refresh.js';
import { installHelper, sharedHelperName } from '../credential-helper/install.js';
import type { HelperCredential } from '../credential-helper/config.js';
import { installDockerLogin, removeDockerLogin, type InstalledHelperRef, type InstalledLogin } from '../docker/install.js';
import { tempRootOf } from '../docker/job-dir.js';
import { CHAINGUARD_USERNAME } from '../docker/users.js';
import { messageOf } from '../errors.js';
import { isoSeconds } from '../jwt.js';
import { parseCleanupState, STATE_KEY, type CleanupState } from '../state.js';
import type { Progress, Tokens } from './exchange.js';
import type { LoginPlan } from './plan.js';

/** The credential helper, installed into the job directory: its configuration, its cache seeded with `tokens`, its wrappers. */
function helperInstaller(
  plan: LoginPlan,
  tokens: Tokens
): ((jobDir: string, shared: string | undefined) => InstalledHelperRef) | undefined {
  const { inputs, platform, runtime, network } = plan;
  const helperScript = plan.helperScript;
  if (!helperScript) return undefined;
  const seed: Record<string, HelperCredential> = {
    [inputs.registry]: { username: CHAINGUARD_USERNAME, secret: tokens.chainguard.token, expiresAt: tokens.chainguard.expiresAt }
  };
  for (const { server, credential } of tokens.acr)
    seed[server] = { username: credential.username, secret: credential.password, expiresAt: credential.expiresAt };
  const config = helperConfigFor({
    source: describeSource(plan.selection.source.kind, inputs, runtime.env, plan.offered),
    registry: inputs.registry,
    issuer: inputs.issuer,
    identity: inputs.identity,
    audience: inputs.audience,
    acrRegistries: inputs.acrRegistries,
    labels: labelsOf((name) => platform.label(name)),
    timeoutSeconds: inputs.timeoutSeconds,
    ...(network?.portable ? { network: network.portable.settings } : {}),
    // A login that is not logged out at the end of the job ends when its token expires.
    noRefresh: !inputs.logout
  });
  return (jobDir, shared) =>
    installHelper({
      root: jobDir,
      config,
      nodePath: runtime.nodePath ?? process.execPath,
      helperScript,
      seed,
      ...(network?.portable ? { networkSecrets: network.portable.secrets } : {}),
      ...(shared ? { nameFor: (host: string) => sharedHelperName(shared, host) } : {})
    });
}

/** Writes the docker and containers auth for every host. */
function writeDockerLogin(plan: LoginPlan, tokens: Tokens, previous: CleanupState | undefined, tempRoot: string): Promise<InstalledLogin> {
  const { inputs, platform, runtime } = plan;
  return installDockerLogin({
    logins: [
      { registry: inputs.registry, username: CHAINGUARD_USERNAME, password: tokens.chainguard.token },
      ...tokens.acr.map(({ server, credential }) => ({ registry: server, username: credential.username, password: credential.password }))
    ],
    helper: helperInstaller(plan, tokens),
    explicitDir: inputs.dockerConfig,
    explicitDirLabel: platform.label('docker-config'),
    credentialHelperLabel: platform.label('credential-helper'),
    tempRoot,
    env: runtime.env,
    home: runtime.home,
    lockScale: runtime.test.timeScale,
    warn: (message) => platform.warning(message),
    saveState: inputs.logout ? (state) => platform.saveState(STATE_KEY, JSON.stringify(state)) : undefined,
    previous
  });
}

/** Puts the helper on PATH, exports where the login is, and says so. */
function announceDockerLogin(plan: LoginPlan, tokens: Tokens, installed: InstalledLogin): void {
  const { inputs, platform } = plan;
  if (installed.helper) platform.addPath(installed.helper.binDir);
  platform.exportVariable('DOCKER_CONFIG', installed.dockerConfigDir);
  platform.exportVariable('REGISTRY_AUTH_FILE', installed.containersAuthFile);
  const hosts = [inputs.registry, ...tokens.acr.map((a) => a.server)].join(', ');
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

/** Sets the step's outputs. */
function publishOutputs(plan: LoginPlan, tokens: Tokens, dockerConfigDir: string): void {
  const { platform, inputs } = plan;
  platform.setOutput('token', tokens.chainguard.token, { secret: true });
  platform.setOutput('expires-at', isoSeconds(tokens.chainguard.expiresAt));
  platform.setOutput('identity', inputs.identity);
  platform.setOutput('docker-config', dockerConfigDir);
  if (tokens.apiToken !== undefined) platform.setOutput('api-token', tokens.apiToken, { secret: true });
}

/** Writes the login and the outputs; then removes a login made earlier in the same shell. */
export async function install(plan: LoginPlan, tokens: Tokens, progress: Progress): Promise<void> {
  const { platform, inputs, runtime } = plan;
  // A login earlier in the same shell (the command-line tool hands its state back): replaced.
  const previous = parseCleanupState(platform.getState(STATE_KEY));
  const tempRoot = tempRootOf(platform.tempDir());
  let installed: InstalledLogin | undefined;
  try {
    if (inputs.dockerLogin) {
      progress.waitingFor = 'the docker config to be written';
      installed = await writeDockerLogin(plan, tokens, previous, tempRoot);
      announceDockerLogin(plan, tokens, installed);
    }
    publishOutputs(plan, tokens, installed?.dockerConfigDir ?? '');
  } catch (error) {
    if (installed) await removeDockerLogin(installed.state, { tempRoot, lockScale: runtime.test.timeScale }).catch(() => undefined);
    throw error;
  }
  platform.info(`Chainguard token for ${inputs.identity} expires at ${isoSeconds(tokens.chainguard.expiresAt)}`);
  if (previous && inputs.dockerLogin) {
    try {
      for (const line of await removeDockerLogin(previous, { tempRoot, lockScale: runtime.test.timeScale }))
        platform.info(`Replaced the earlier login: ${line}`);
    } catch (error) {
      platform.warning(`Could not remove the earlier login: ${messageOf(error)}`);
    }
  }
}
