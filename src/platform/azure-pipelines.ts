/**
 * Azure Pipelines, on `azure-pipelines-task-lib`: inputs (camelCase), secret and output
 * variables, task variables for the post-job step, PATH, logging, the task result, the job's
 * access token, and the agent's proxy and certificate settings. Every log line passes through
 * `neutralise`, so that a value inside a message can never be read as a logging command.
 */
import * as tl from 'azure-pipelines-task-lib/task.js';
import type { NetworkSettings } from '../core/http.js';
import type { InputName } from '../core/inputs.js';
import { camelCase, neutralise, type OutputName, type Platform } from '../core/platform.js';

/** The agent's proxy and certificate settings, or undefined when it hands over none. */
export function agentNetwork(): NetworkSettings | undefined {
  const certs = tl.getHttpCertConfiguration();
  const proxyConfigured = Boolean(tl.getVariable('Agent.ProxyUrl'));
  if (!proxyConfigured && !certs) return undefined;
  const password = tl.getVariable('Agent.ProxyPassword');
  if (password) tl.setSecret(password);
  if (certs?.passphrase) tl.setSecret(certs.passphrase);
  return {
    proxyFor: (url) => {
      const proxy = proxyConfigured ? tl.getHttpProxyConfiguration(url.href) : null;
      if (!proxy) return undefined;
      const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(proxy.proxyUrl) ? proxy.proxyUrl : `http://${proxy.proxyUrl}`);
      const username = proxy.proxyUsername || decodeURIComponent(parsed.username) || undefined;
      const secret = proxy.proxyPassword || decodeURIComponent(parsed.password) || undefined;
      parsed.username = '';
      parsed.password = '';
      return { url: parsed, username, password: secret };
    },
    caFile: certs?.caFile || undefined,
    certFile: certs?.certFile || undefined,
    keyFile: certs?.keyFile || undefined,
    passphrase: certs?.passphrase || undefined,
    source: "the agent's proxy and certificate settings (Agent.ProxyUrl, Agent.ProxyUsername, Agent.ProxyPassword, Agent.ProxyBypassList, Agent.CAInfo)"
  };
}

/** The adapter. */
export function azurePipelinesPlatform(): Platform {
  return {
    get: (name: InputName) => (tl.getInput(camelCase(name), false) ?? '').trim(),
    label: (name: InputName) => camelCase(name),
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
        // getEndpointAuthorizationParameter would debug-print the value; this call does not.
        const token = tl.getEndpointAuthorization('SystemVssConnection', true)?.parameters?.AccessToken || tl.getVariable('System.AccessToken');
        if (token) tl.setSecret(token);
        return token || undefined;
      },
      variable: (name: string) => tl.getVariable(name) || undefined
    }),
    network: agentNetwork
  };
}
