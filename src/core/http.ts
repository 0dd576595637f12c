/**
 * The one HTTP helper: bounded connect and response times, a cap on the body size, no
 * redirects, and an explicit choice between a direct connection and the network the job is
 * given: the runner's own proxy and certificate settings when it hands any over (the Azure
 * agent does, as variables), else the proxy the environment names. Messages name the host,
 * never a header, a body or a proxy credential.
 */
import fs from 'node:fs';
import http from 'node:http';
import type * as Https from 'node:https';
import { isLoopback } from './loopback.js';

export interface HttpRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /**
   * `direct` never uses a proxy (IMDS); `environment` follows the runner's proxy settings, else
   * HTTP(S)_PROXY and NO_PROXY. A loopback address is always reached directly.
   */
  route: 'direct' | 'environment';
  /** The runner's network settings, used on the `environment` route when given. */
  network?: NetworkSettings;
  /** How long the TCP (and TLS) connection may take. */
  connectTimeoutMs: number;
  /** How long the whole exchange may take, from sending to the last byte of the body. */
  timeoutMs: number;
  /** Bodies larger than this are refused instead of buffered. */
  maxBodyBytes: number;
  signal?: AbortSignal;
  /**
   * The secrets this request carries (a header's value, a key, a token in the body or the URL):
   * handed back with the answer, so that every quote of the service's text can redact them.
   */
  secrets?: readonly string[];
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The secrets the request declared it carried: whatever quotes this answer redacts them. */
  secrets?: readonly string[];
}

export type NetworkFailure =
  'refused' | 'connect-timeout' | 'unreachable' | 'timeout' | 'reset' | 'too-large' | 'aborted' | 'proxy' | 'other';

/** A request that got no complete HTTP response. */
export class HttpFailure extends Error {
  readonly kind: NetworkFailure;
  /** The runner's network settings the request used, when it used any (for messages). */
  settings?: string;

  constructor(kind: NetworkFailure, message: string) {
    super(message);
    this.name = 'HttpFailure';
    this.kind = kind;
  }
}

/** A proxy for one request. The password is a secret: it never appears in a message. */
export interface ProxySettings {
  url: URL;
  username?: string;
  password?: string;
}

/**
 * The network a runner hands its steps (the Azure agent's `Agent.ProxyUrl`, `Agent.CAInfo`, …).
 * When a runner gives settings, they replace the proxy variables of the environment.
 */
export interface NetworkSettings {
  /** The proxy for `url`, or undefined when the runner's bypass list says to connect directly. */
  proxyFor(url: URL): ProxySettings | undefined;
  /** A PEM file of certificate authorities to trust besides Node's own. */
  caFile?: string;
  /** A client certificate (PEM), its key and the key's passphrase. */
  certFile?: string;
  keyFile?: string;
  passphrase?: string;
  /** Where these settings come from, for messages, e.g. "the agent's proxy settings (Agent.ProxyUrl, …)". */
  source: string;
}

const proxyVariables = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

/** node:https, loaded on first use: IMDS never needs TLS, and loading it costs startup time. */
let httpsModule: Promise<typeof Https> | undefined;
function loadHttps(): Promise<typeof Https> {
  return (httpsModule ??= import('node:https'));
}

/** TLS options from the runner's certificate settings; files are read when a request needs them. */
interface TlsSettings {
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

/** An agent that tunnels through the runner's proxy, with its credentials and TLS settings. */
async function tunnelAgent(target: URL, proxy: ProxySettings, tls: TlsSettings): Promise<http.Agent> {
  const tunnel = await import('tunnel');
  const credentials = proxy.username || proxy.password ? { proxyAuth: `${proxy.username ?? ''}:${proxy.password ?? ''}` } : {};
  const proxyOptions = {
    host: proxy.url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(proxy.url.port) || (proxy.url.protocol === 'https:' ? 443 : 80),
    ...credentials
  };
  const overHttps = proxy.url.protocol === 'https:';
  const options = { proxy: overHttps ? { ...proxyOptions, ...tls } : proxyOptions, ...tls, keepAlive: false };
  if (target.protocol === 'https:') return (overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp)(options) as http.Agent;
  return (overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp)(options) as http.Agent;
}

/** How a request travels: its agent, and the proxy it goes through, if any (for messages). */
interface Route {
  agent: http.Agent;
  proxy?: string;
}

/** The route for a request: direct, through the runner's proxy, or through the environment's. */
async function routeFor(req: HttpRequest, https: typeof Https | undefined): Promise<Route> {
  const tls = req.route === 'environment' && https ? await tlsOptions(req.network) : {};
  const direct = { agent: https ? new https.Agent({ keepAlive: false, ...tls }) : new http.Agent({ keepAlive: false }) };
  // A call to this machine never goes through a proxy, whatever its settings say.
  if (req.route === 'direct' || isLoopback(req.url.hostname)) return direct;
  if (req.network) {
    const proxy = req.network.proxyFor(req.url);
    return proxy ? { agent: await tunnelAgent(req.url, proxy, tls), proxy: `the proxy ${proxy.url.host}` } : direct;
  }
  if (!proxyVariables.some((name) => process.env[name])) return direct;
  // The proxy machinery is only loaded when a proxy is configured.
  const { HttpClient } = await import('@actions/http-client');
  const client = new HttpClient('chainguard-azure-login', [], { allowRedirects: false, keepAlive: false });
  const agent = client.getAgent(req.url.href) as http.Agent & { proxyOptions?: unknown };
  return { agent, proxy: agent.proxyOptions ? 'the proxy named by HTTPS_PROXY' : undefined };
}

function classify(error: NodeJS.ErrnoException): NetworkFailure {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unreachable';
    default:
      return 'other';
  }
}

/** A failure on the way to `host`, told as what the proxy did when the request went through one. */
function failureOf(error: NodeJS.ErrnoException, host: string, proxy: string | undefined): HttpFailure {
  const kind = classify(error);
  // The tunnelling agent reports the proxy's answer to CONNECT as "statusCode=<n>", and a
  // proxy it could not reach as "cause=<the connection error>".
  if (proxy && error.message.includes('tunneling socket')) {
    const status = /statusCode=(\d{3})/.exec(error.message)?.[1];
    if (status) {
      const why = status === '407' ? ': Proxy Authentication Required, check the proxy user name and password' : '';
      return new HttpFailure('proxy', `${proxy} refused to open a tunnel to ${host} (HTTP ${status}${why})`);
    }
    const cause = /cause=(\S+ \S+)/.exec(error.message)?.[1] ?? error.code ?? 'error';
    return new HttpFailure('proxy', `${proxy} could not be reached (${cause})`);
  }
  return new HttpFailure(
    kind,
    kind === 'refused' ? `${host} refused the connection` : `the connection to ${host} failed (${error.code ?? error.message})`
  );
}

/** Sends one request and reads the whole (capped) response. Never follows redirects. */
export async function send(req: HttpRequest): Promise<HttpResponse> {
  const host = req.url.host;
  if (req.signal?.aborted) throw new HttpFailure('aborted', `request to ${host} was cancelled`);
  const https = req.url.protocol === 'https:' ? await loadHttps() : undefined;
  const { agent, proxy } = await routeFor(req, https);
  const transport = https ?? http;
  const headers: Record<string, string> = { ...req.headers };
  if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const request = transport.request(req.url, { method: req.method, headers, agent });
    const fail = (failure: HttpFailure): void => {
      if (settled) return;
      settled = true;
      cleanup();
      request.destroy();
      reject(failure);
    };
    const overall = setTimeout(() => fail(new HttpFailure('timeout', `${host} did not answer within ${req.timeoutMs} ms`)), req.timeoutMs);
    let connectTimer: NodeJS.Timeout | undefined;
    const onAbort = (): void => fail(new HttpFailure('aborted', `request to ${host} was cancelled`));
    req.signal?.addEventListener('abort', onAbort, { once: true });
    function cleanup(): void {
      clearTimeout(overall);
      if (connectTimer) clearTimeout(connectTimer);
      req.signal?.removeEventListener('abort', onAbort);
    }

    request.on('socket', (socket) => {
      if (!socket.connecting) return;
      connectTimer = setTimeout(
        () => fail(new HttpFailure('connect-timeout', `could not connect to ${host} within ${req.connectTimeoutMs} ms`)),
        req.connectTimeoutMs
      );
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const failure = failureOf(error, host, proxy);
      if (req.route === 'environment' && req.network) failure.settings = req.network.source;
      fail(failure);
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > req.maxBodyBytes) {
          fail(new HttpFailure('too-large', `${host} sent a response larger than ${req.maxBodyBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      const cutOff = (): void => fail(new HttpFailure('reset', `the response from ${host} was cut off`));
      response.on('error', cutOff);
      response.on('close', () => {
        if (!response.complete) cutOff();
      });
      response.on('end', () => {
        if (settled) return;
        settled = true;
        cleanup();
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          secrets: req.secrets ?? []
        });
      });
    });
    request.end(req.body);
  });
}

/** Parses a JSON object body, or returns undefined. */
export function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return undefined;
}

/** `Retry-After` (seconds or an HTTP date) as milliseconds from `now`, or undefined. */
export function retryAfterMs(headers: http.IncomingHttpHeaders, now: number): number | undefined {
  const raw = headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
