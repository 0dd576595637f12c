// @ts-check
// A loopback gate in front of a real registry (Debian's docker-registry): it lets a request
// through only with Basic credentials whose password is a token the STS emulator issued and
// that has not expired, and forwards it with the registry's own credentials. Anything else gets
// 401 with a Basic challenge, as a registry answers, so that clients ask their credential helper
// and retry. Every request is recorded (user, token, status) for assertions.
import http from 'node:http';
import { readJwt } from './jwt.mjs';

/**
 * @typedef {'ok' | 'missing' | 'unknown' | 'expired' | 'wrong-user'} Verdict
 */

/**
 * @typedef {object} GateRequest
 * @property {string} method
 * @property {string} path
 * @property {string} [user]  the Basic user name presented, if any
 * @property {string} [token]  the Basic password presented, if any
 * @property {Verdict} verdict
 * @property {number} status  what the client got
 * @property {number} at  when it arrived (ms since the epoch)
 */

/**
 * A check that accepts the unexpired tokens `sts` issued, presented with user `username`.
 * @param {{ issued: readonly string[], url: string }} sts
 * @param {{ username?: string, now?: () => number }} [options]
 * @returns {(user: string, password: string) => Verdict}
 */
export function stsTokens(sts, options = {}) {
  const username = options.username ?? '_token';
  const now = options.now ?? Date.now;
  return (user, password) => {
    if (user !== username) return 'wrong-user';
    if (!sts.issued.includes(password)) return 'unknown';
    const claims = readJwt(password);
    if (!claims || claims.iss !== sts.url || typeof claims.exp !== 'number') return 'unknown';
    return claims.exp * 1000 > now() ? 'ok' : 'expired';
  };
}

/**
 * @param {{
 *   upstream: string,
 *   upstreamCredentials: { username: string, password: string },
 *   accept: (user: string, password: string) => Verdict,
 *   realm?: string,
 *   port?: number
 * }} options  `upstream` is the registry's base URL, http://127.0.0.1:<port>
 */
export async function startRegistryGate(options) {
  const upstream = new URL(options.upstream);
  const upstreamAuth = `Basic ${Buffer.from(`${options.upstreamCredentials.username}:${options.upstreamCredentials.password}`).toString('base64')}`;
  const realm = options.realm ?? 'chainguard-test-gate';
  /** @type {GateRequest[]} */
  const requests = [];
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  let host = '';

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const credentials = basicCredentials(req.headers.authorization);
    const verdict = credentials ? options.accept(credentials.user, credentials.password) : 'missing';
    /** @type {GateRequest} */
    const record = {
      method: req.method ?? 'GET',
      path,
      user: credentials?.user,
      token: credentials?.password,
      verdict,
      status: 0,
      at: Date.now()
    };
    requests.push(record);

    if (verdict !== 'ok') {
      req.resume();
      record.status = 401;
      const body = JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: null }] });
      res.writeHead(401, {
        'Content-Type': 'application/json; charset=utf-8',
        'Docker-Distribution-Api-Version': 'registry/2.0',
        'WWW-Authenticate': `Basic realm="${realm}"`,
        'Content-Length': String(Buffer.byteLength(body))
      });
      res.end(body);
      return;
    }

    const headers = { ...req.headers, host: upstream.host, authorization: upstreamAuth };
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers }, (answer) => {
      record.status = answer.statusCode ?? 0;
      const out = { ...answer.headers };
      // The registry names itself in redirects and upload locations; clients must come back here.
      if (typeof out.location === 'string') out.location = out.location.replace(`//${upstream.host}`, `//${host}`);
      res.writeHead(record.status, out);
      answer.pipe(res);
    });
    forward.on('error', () => {
      record.status = 502;
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('the registry behind the gate did not answer');
    });
    req.pipe(forward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  host = `127.0.0.1:${port}`;
  return {
    port,
    /** `127.0.0.1:<port>`, as clients and docker configs name it. */
    host,
    url: `http://${host}`,
    requests,
    /** The requests the gate let through to the registry. */
    passed: () => requests.filter((r) => r.verdict === 'ok'),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    }
  };
}

/**
 * @param {string | undefined} header
 * @returns {{ user: string, password: string } | undefined}
 */
function basicCredentials(header) {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
