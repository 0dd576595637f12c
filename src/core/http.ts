/**
 * The one HTTP helper: bounded connect and response times, a cap on the body size, no
 * redirects, and an explicit choice between a direct connection and the proxy the environment
 * names. Messages name the host, never a header or a body.
 */
import http from 'node:http';
import type * as Https from 'node:https';

export interface HttpRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** `direct` never uses a proxy (IMDS); `environment` follows HTTP(S)_PROXY and NO_PROXY. */
  route: 'direct' | 'environment';
  /** How long the TCP (and TLS) connection may take. */
  connectTimeoutMs: number;
  /** How long the whole exchange may take, from sending to the last byte of the body. */
  timeoutMs: number;
  /** Bodies larger than this are refused instead of buffered. */
  maxBodyBytes: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type NetworkFailure =
  | 'refused'
  | 'connect-timeout'
  | 'unreachable'
  | 'timeout'
  | 'reset'
  | 'too-large'
  | 'aborted'
  | 'other';

/** A request that got no complete HTTP response. */
export class HttpFailure extends Error {
  readonly kind: NetworkFailure;

  constructor(kind: NetworkFailure, message: string) {
    super(message);
    this.name = 'HttpFailure';
    this.kind = kind;
  }
}

const proxyVariables = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

/** node:https, loaded on first use: IMDS never needs TLS, and loading it costs startup time. */
let httpsModule: Promise<typeof Https> | undefined;
function loadHttps(): Promise<typeof Https> {
  return (httpsModule ??= import('node:https'));
}

/** The agent for a request: a fresh direct agent, or the environment's proxy agent. */
async function agentFor(req: HttpRequest, https: typeof Https | undefined): Promise<http.Agent> {
  const direct = https ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
  if (req.route === 'direct') return direct;
  if (!proxyVariables.some((name) => process.env[name])) return direct;
  // The proxy machinery is only loaded when a proxy is configured.
  const { HttpClient } = await import('@actions/http-client');
  const client = new HttpClient('chainguard-azure-login', [], { allowRedirects: false, keepAlive: false });
  return client.getAgent(req.url.href) as http.Agent;
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

/** Sends one request and reads the whole (capped) response. Never follows redirects. */
export async function send(req: HttpRequest): Promise<HttpResponse> {
  const host = req.url.host;
  if (req.signal?.aborted) throw new HttpFailure('aborted', `request to ${host} was cancelled`);
  const https = req.url.protocol === 'https:' ? await loadHttps() : undefined;
  const agent = await agentFor(req, https);
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
    const overall = setTimeout(
      () => fail(new HttpFailure('timeout', `${host} did not answer within ${req.timeoutMs} ms`)),
      req.timeoutMs
    );
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
      const kind = classify(error);
      const what = kind === 'refused' ? `${host} refused the connection` : `the connection to ${host} failed (${error.code ?? error.message})`;
      fail(new HttpFailure(kind, what));
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
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
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
