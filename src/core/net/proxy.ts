/**
 * The network a call that leaves the machine travels: the runner's own proxy and certificate
 * settings when it hands any over (the Azure agent does, as variables), else the proxy the
 * environment names (HTTPS_PROXY, NO_PROXY, as `@actions/http-client` reads them). Calls to this
 * machine, and metadata calls, are always direct. Tunnels are opened with a maintained proxy
 * agent (`https-proxy-agent`).
 *
 * The settings also travel to the credential helper, for its refreshes: in a portable form
 * whose secrets (the proxy password, the client key's passphrase) are kept apart.
 */
import fs from 'node:fs';
import http from 'node:http';
import type * as Https from 'node:https';
import type { HelperNetwork, NetworkSecrets, NetworkSettings, ProxySettings } from '../platform.js';
import { HttpFailure } from './failure.js';
import { isLoopback } from './url.js';

/**
 * Whether the runner's bypass list sends `url` direct: as azure-pipelines-task-lib's
 * getHttpProxyConfiguration decides it, each entry a regular expression tested
 * case-insensitively against the whole URL.
 */
export function bypassesProxy(bypass: readonly string[] | undefined, url: URL): boolean {
  return (bypass ?? []).some((pattern) => new RegExp(pattern, 'i').test(url.href));
}

/** The network settings the step used, rebuilt from what the helper's configuration keeps and its secrets file. */
export function networkSettingsFrom(network: HelperNetwork, secrets: NetworkSecrets): NetworkSettings {
  const proxy = network.proxyUrl ? new URL(network.proxyUrl) : undefined;
  return {
    proxyFor: (url) =>
      proxy && !bypassesProxy(network.proxyBypass, url)
        ? { url: new URL(proxy.href), username: network.proxyUsername || undefined, password: secrets.proxyPassword || undefined }
        : undefined,
    caFile: network.caFile,
    certFile: network.certFile,
    keyFile: network.keyFile,
    passphrase: secrets.passphrase || undefined,
    source: network.source
  };
}

/** TLS options from the runner's certificate settings; files are read when a request needs them. */
export interface TlsSettings {
  ca?: Buffer[];
  cert?: Buffer;
  key?: Buffer;
  passphrase?: string;
}

async function tlsOptions(network: NetworkSettings | undefined): Promise<TlsSettings> {
  if (!network) return {};
  const read = (file: string, what: string): Buffer => {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new HttpFailure('other', `could not read the agent's ${what} ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  const options: TlsSettings = {};
  if (network.caFile) {
    const { rootCertificates } = await import('node:tls');
    options.ca = [...rootCertificates.map((pem) => Buffer.from(pem)), read(network.caFile, 'CA file (Agent.CAInfo)')];
  }
  if (network.certFile) options.cert = read(network.certFile, 'client certificate (Agent.ClientCert)');
  if (network.keyFile) options.key = read(network.keyFile, 'client certificate key (Agent.ClientCertKey)');
  if (network.passphrase) options.passphrase = network.passphrase;
  return options;
}

/** An agent that tunnels through `proxy` (CONNECT), with its credentials; `tls` also applies to an https proxy. */
async function tunnelAgent(proxy: ProxySettings, tls: TlsSettings): Promise<http.Agent> {
  const { HttpsProxyAgent } = await import('https-proxy-agent');
  const url = new URL(proxy.url.href);
  url.username = proxy.username ? encodeURIComponent(proxy.username) : '';
  url.password = proxy.password ? encodeURIComponent(proxy.password) : '';
  return new HttpsProxyAgent(url, { keepAlive: false, ...(url.protocol === 'https:' ? tls : {}) });
}

/** How a request travels: its agent, the TLS options for the target, and the proxy it goes through, if any (for messages). */
export interface Route {
  agent: http.Agent;
  tls: TlsSettings;
  proxy?: string;
}

/** The route for a request: direct, through the runner's proxy, or through the environment's. */
export async function routeFor(
  url: URL,
  route: 'direct' | 'environment',
  network: NetworkSettings | undefined,
  https: typeof Https | undefined
): Promise<Route> {
  const tls = route === 'environment' && https ? await tlsOptions(network) : {};
  const direct: Route = { agent: https ? new https.Agent({ keepAlive: false, ...tls }) : new http.Agent({ keepAlive: false }), tls };
  // A call to this machine never goes through a proxy, whatever its settings say.
  if (route === 'direct' || isLoopback(url.hostname)) return direct;
  if (network) {
    const proxy = network.proxyFor(url);
    return proxy ? { agent: await tunnelAgent(proxy, tls), tls, proxy: `the proxy ${proxy.url.host}` } : direct;
  }
  // The proxy the environment names (HTTPS_PROXY, NO_PROXY), read as the runner library reads it.
  const { getProxyUrl } = await import('@actions/http-client/lib/proxy');
  const proxyUrl = getProxyUrl(url);
  if (!proxyUrl) return direct;
  const proxy = new URL(proxyUrl.href);
  const credentials = {
    username: decodeURIComponent(proxy.username) || undefined,
    password: decodeURIComponent(proxy.password) || undefined
  };
  return { agent: await tunnelAgent({ url: proxy, ...credentials }, tls), tls, proxy: 'the proxy named by HTTPS_PROXY' };
}

/**
 * `send` as the step and the helper use it: calls that may leave the machine (the `environment`
 * route) go through the runner's network settings when it handed any over; metadata calls
 * (IMDS, the Arc agent) stay direct.
 */
export function sendThrough<Request extends { route: 'direct' | 'environment'; network?: NetworkSettings }, Response>(
  send: (request: Request) => Promise<Response>,
  network: NetworkSettings | undefined
): (request: Request) => Promise<Response> {
  return (request) => send(request.route === 'environment' && network ? { ...request, network } : request);
}
