/**
 * Azure Pipelines, on `azure-pipelines-task-lib`: inputs (camelCase), secret and output
 * variables, task variables for the post-job step, PATH, logging, the task result, the job's
 * access token, and the agent's proxy and certificate settings. Every log line passes through
 * `neutralise`, so that a value inside a message can never be read as a logging command.
 */
import * as tl from 'azure-pipelines-task-lib/task.js';
import { azureName, type InputName } from '../core/inputs/definitions.js';
import type { NetworkSettings, PortableNetwork, ProxySettings } from '../core/platform.js';
import { camelCase, type OutputName, type Platform } from '../core/platform.js';
import { neutralise } from '../core/text.js';
import { earlyAccessToken } from './azure-early-secrets.js';

const NETWORK_SOURCE =
  "the agent's proxy and certificate settings (Agent.ProxyUrl, Agent.ProxyUsername, Agent.ProxyPassword, Agent.ProxyBypassList, Agent.CAInfo)";

/** The proxy the task library's configuration names: its URL without credentials, and the credentials apart. */
function proxyOf(proxy: { proxyUrl: string; proxyUsername?: string; proxyPassword?: string }): ProxySettings {
  const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(proxy.proxyUrl) ? proxy.proxyUrl : `http://${proxy.proxyUrl}`);
  const username = proxy.proxyUsername || decodeURIComponent(parsed.username) || undefined;
  const password = proxy.proxyPassword || decodeURIComponent(parsed.password) || undefined;
  parsed.username = '';
  parsed.password = '';
  return { url: parsed, username, password };
}

/**
 * The agent's proxy and certificate settings, or undefined when it hands over none; `portable`
 * is the same for the credential helper: the settings (the proxy without its credentials, the
 * bypass list, the certificate files) and apart from them the password and passphrase.
 */
export function agentNetwork(): NetworkSettings | undefined {
  const certs = tl.getHttpCertConfiguration();
  const proxyConfigured = Boolean(tl.getVariable('Agent.ProxyUrl'));
  if (!proxyConfigured && !certs) return undefined;
  const password = tl.getVariable('Agent.ProxyPassword');
  if (password) tl.setSecret(password);
  if (certs?.passphrase) tl.setSecret(certs.passphrase);
  // Without a URL, the configuration of the proxy and its bypass list (regular expressions).
  const configured = proxyConfigured ? tl.getHttpProxyConfiguration() : null;
  const proxy = configured ? proxyOf(configured) : undefined;
  const portable: PortableNetwork = {
    settings: {
      ...(proxy ? { proxyUrl: proxy.url.href } : {}),
      ...(proxy?.username ? { proxyUsername: proxy.username } : {}),
      ...(configured?.proxyBypassHosts?.length ? { proxyBypass: configured.proxyBypassHosts.map(String) } : {}),
      ...(certs?.caFile ? { caFile: certs.caFile } : {}),
      ...(certs?.certFile ? { certFile: certs.certFile } : {}),
      ...(certs?.keyFile ? { keyFile: certs.keyFile } : {}),
      source: NETWORK_SOURCE
    },
    secrets: {
      ...(proxy?.password ? { proxyPassword: proxy.password } : {}),
      ...(certs?.passphrase ? { passphrase: certs.passphrase } : {})
    }
  };
  return {
    proxyFor: (url) => {
      const forUrl = proxyConfigured ? tl.getHttpProxyConfiguration(url.href) : null;
      return forUrl ? proxyOf(forUrl) : undefined;
    },
    caFile: certs?.caFile || undefined,
    certFile: certs?.certFile || undefined,
    keyFile: certs?.keyFile || undefined,
    passphrase: certs?.passphrase || undefined,
    source: NETWORK_SOURCE,
    portable
  };
}

/** The adapter. */
export function azurePipelinesPlatform(): Platform {
  return {
    get: (name: InputName) => (tl.getInput(azureName(name), false) ?? '').trim(),
    label: (name: InputName) => azureName(name),
    setSecret: (value) => tl.setSecret(value),
    setOutput: (name: OutputName, value, options) => tl.setVariable(camelCase(name), value, options?.secret ?? false, true),
    exportVariable: (name, value) => tl.setVariable(name, value),
    addPath: (dir) => tl.prependPath(dir),
    saveState: (name, value) => tl.setTaskVariable(name, value),
    getState: (name) => (tl.getTaskVariable(name) ?? '').trim(),
    info: (message) => console.log(neutralise(message)),
    debug: (message) => tl.debug(neutralise(message)),
    warning: (message) => tl.warning(neutralise(message)),
    setFailed: (message) => tl.setResult(tl.TaskResult.Failed, neutralise(message)),
    tempDir: () => tl.getVariable('Agent.TempDirectory') || undefined,
    identity: () => ({
      azureDevOpsAccessToken: () => {
        // getEndpointAuthorizationParameter and getVariable would debug-print the value; the
        // endpoint's authorization and the variable as the agent passed it (read, and masked,
        // before the task library loaded) do not.
        const token = tl.getEndpointAuthorization('SystemVssConnection', true)?.parameters?.AccessToken || earlyAccessToken();
        if (token) tl.setSecret(token);
        return token || undefined;
      },
      variable: (name: string) => tl.getVariable(name) || undefined
    }),
    network: agentNetwork
  };
}
