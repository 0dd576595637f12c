/**
 * Masks the secrets the agent hands the task before anything can print them. It must be the
 * first module the Azure entry points import: azure-pipelines-task-lib debug-prints every
 * variable it reads (`Agent.ProxyUrl=http://user:password@proxy`), and reads the proxy and
 * certificate variables as soon as it is loaded. The agent masks a value only from the
 * `##vso[task.setsecret]` line on, so these lines come first:
 *
 * - the password inside an `Agent.ProxyUrl` that carries credentials (the agent does not know it
 *   is a secret);
 * - `Agent.ProxyPassword` and `Agent.ClientCertPassword` (secret variables the agent masks too);
 * - the job's access token (`System.AccessToken`, and the SystemVssConnection endpoint's).
 *
 * It also keeps the access token as it found it, so that the task can use it without the task
 * library's `getVariable`, whose debug line would print it. It imports nothing but Node's `os`.
 */
import os from 'node:os';

const masked = new Set<string>();

/** `##vso[task.setsecret]` for `value`, escaped as the task library escapes a command's data. */
function setSecret(value: string | undefined): void {
  // The agent masks line by line: each line of a multi-line value is a secret of its own.
  for (const part of (value ?? '').split(/\r?\n/)) {
    if (!part || masked.has(part)) continue;
    masked.add(part);
    process.stdout.write(`##vso[task.setsecret]${part.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${os.EOL}`);
  }
}

/** A variable as the agent passes it to a task: public as NAME, secret as SECRET_NAME. */
function variable(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = name.replace(/\./g, '_').replace(/ /g, '_').toUpperCase();
  return env[`SECRET_${key}`] || env[key] || undefined;
}

/** The password in a proxy URL's user information, as written and decoded. */
export function proxyUrlPasswords(proxyUrl: string | undefined): string[] {
  const userinfo = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)@/i.exec(proxyUrl?.trim() ?? '')?.[1];
  const colon = userinfo?.indexOf(':') ?? -1;
  if (!userinfo || colon < 0) return [];
  const raw = userinfo.slice(colon + 1);
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Kept as written.
  }
  return [...new Set([raw, decoded])].filter(Boolean);
}

/** The access token of the SystemVssConnection endpoint, when the agent passes it. */
function endpointAccessToken(env: NodeJS.ProcessEnv): string | undefined {
  const direct = env.ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN;
  if (direct) return direct;
  try {
    const auth: unknown = JSON.parse(env.ENDPOINT_AUTH_SYSTEMVSSCONNECTION ?? '');
    const token = (auth as { parameters?: { AccessToken?: unknown } } | null)?.parameters?.AccessToken;
    return typeof token === 'string' && token ? token : undefined;
  } catch {
    return undefined;
  }
}

/** Masks the agent's secrets (see above); returns the job's access token variable as found. */
export function maskAgentSecrets(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const password of proxyUrlPasswords(variable(env, 'Agent.ProxyUrl'))) setSecret(password);
  setSecret(variable(env, 'Agent.ProxyPassword'));
  setSecret(variable(env, 'Agent.ClientCertPassword'));
  const accessToken = variable(env, 'System.AccessToken');
  setSecret(accessToken);
  setSecret(endpointAccessToken(env));
  return accessToken;
}

const accessToken = maskAgentSecrets();

/** `System.AccessToken` as the agent passed it, read before the task library moved it into its vault. */
export function earlyAccessToken(): string | undefined {
  return accessToken;
}
