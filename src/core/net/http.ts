/**
 * The one HTTP transport: bounded connect and response times, a cap on the body size, no
 * redirects, and an explicit choice between a direct connection and the network the job is given
 * (see proxy.ts). Messages name the host, never a header, a body or a proxy credential.
 */
import http from 'node:http';
import type * as Https from 'node:https';
import { HttpFailure, type NetworkFailure } from './failure.js';
import { routeFor } from './proxy.js';
import type { NetworkSettings } from '../platform.js';

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

/** node:https, loaded on first use: IMDS never needs TLS, and loading it costs startup time. */
let httpsModule: Promise<typeof Https> | undefined;
function loadHttps(): Promise<typeof Https> {
  return (httpsModule ??= import('node:https'));
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

/** Calls that fail only while connecting: through a proxy, the connection is the proxy's. */
const CONNECTING = new Set(['connect', 'getaddrinfo']);

/** A failure on the way to `host`, told as what the proxy did when the request went through one. */
function failureOf(error: NodeJS.ErrnoException, host: string, proxy: string | undefined): HttpFailure {
  if (proxy && error.syscall !== undefined && CONNECTING.has(error.syscall)) {
    return new HttpFailure('proxy', `${proxy} could not be reached (${error.syscall} ${error.code ?? 'error'})`);
  }
  const kind = classify(error);
  return new HttpFailure(
    kind,
    kind === 'refused' ? `${host} refused the connection` : `the connection to ${host} failed (${error.code ?? error.message})`
  );
}

/** The proxy's refusal to open a tunnel (its answer to CONNECT was not 200). */
function tunnelRefused(proxy: string, host: string, status: number): HttpFailure {
  const why = status === 407 ? ': Proxy Authentication Required, check the proxy user name and password' : '';
  return new HttpFailure('proxy', `${proxy} refused to open a tunnel to ${host} (HTTP ${status}${why})`);
}

/** Sends one request and reads the whole (capped) response. Never follows redirects. */
export async function send(req: HttpRequest): Promise<HttpResponse> {
  const host = req.url.host;
  if (req.signal?.aborted) throw new HttpFailure('aborted', `request to ${host} was cancelled`);
  const https = req.url.protocol === 'https:' ? await loadHttps() : undefined;
  const route = await routeFor(req.url, req.route, req.network, https);
  const transport = https ?? http;
  const headers: Record<string, string> = { ...req.headers };
  if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
  const request = transport.request(req.url, { method: req.method, headers, agent: route.agent, ...route.tls });
  return exchange(request, req, route.proxy);
}

/** Runs `request` to its end under `req`'s time limits and size cap. */
function exchange(request: http.ClientRequest, req: HttpRequest, proxy: string | undefined): Promise<HttpResponse> {
  const host = req.url.host;
  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const onAbort = (): void => fail(new HttpFailure('aborted', `request to ${host} was cancelled`));
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      return true;
    };
    function fail(failure: HttpFailure): void {
      if (!finish()) return;
      request.destroy();
      reject(failure);
    }
    timers.push(setTimeout(() => fail(new HttpFailure('timeout', `${host} did not answer within ${req.timeoutMs} ms`)), req.timeoutMs));
    req.signal?.addEventListener('abort', onAbort, { once: true });
    request.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(
        () => fail(new HttpFailure('connect-timeout', `could not connect to ${host} within ${req.connectTimeoutMs} ms`)),
        req.connectTimeoutMs
      );
      timers.push(timer);
      socket.once('connect', () => clearTimeout(timer));
    });
    request.on('proxyConnect', (connect: { statusCode: number }) => {
      if (proxy && connect.statusCode !== 200) fail(withSettings(tunnelRefused(proxy, host, connect.statusCode), req));
    });
    request.on('error', (error: NodeJS.ErrnoException) => fail(withSettings(failureOf(error, host, proxy), req)));
    request.on('response', (response) =>
      readBody(response, req, fail, (body) => {
        if (finish()) resolve({ status: response.statusCode ?? 0, headers: response.headers, body, secrets: req.secrets ?? [] });
      })
    );
    request.end(req.body);
  });
}

/** The failure, with the runner's network settings named when the request used them. */
function withSettings(failure: HttpFailure, req: HttpRequest): HttpFailure {
  if (req.route === 'environment' && req.network) failure.settings = req.network.source;
  return failure;
}

/** Reads a response's body up to the request's cap; a body cut off or too large is a failure. */
function readBody(
  response: http.IncomingMessage,
  req: HttpRequest,
  fail: (failure: HttpFailure) => void,
  done: (body: string) => void
): void {
  const host = req.url.host;
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
  response.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
}
