// @ts-check
// Shared plumbing of the emulators: a loopback HTTP server that records every request and can
// be told to answer the next requests with scripted faults instead of its normal behaviour.
import http from 'node:http';
import https from 'node:https';

/**
 * @typedef {object} Fault  one scripted answer
 * @property {number} [status]
 * @property {string | object} [body]  a string is sent as it is; anything else as JSON
 * @property {Record<string, string>} [headers]
 * @property {number} [delayMs]  wait before answering
 * @property {boolean} [hang]  accept and never answer
 * @property {boolean} [destroy]  close the connection without an answer
 * @property {number} [bodyBytes]  send this many bytes of filler as the body
 * @property {boolean} [truncate]  promise a longer body than is sent, then close
 * @property {number} [echo]  answer with this status and an error body that quotes the request's
 *   body and headers in every field a service's error text is read from (OAuth's error and
 *   error_description, message, ACR's errors[0]), as a careless service or proxy does
 */

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {URL} url
 * @property {http.IncomingHttpHeaders} headers
 * @property {string} body
 * @property {number} at  when it arrived (ms since the epoch)
 */

/**
 * @typedef {object} Scripted
 * @property {number} port
 * @property {string} url  http://127.0.0.1:<port> (https:// with `tls`)
 * @property {RecordedRequest[]} requests
 * @property {(...faults: Fault[]) => void} script  answer the next requests with these, in order
 * @property {() => Promise<void>} close
 */

/**
 * @param {(req: RecordedRequest) => { status: number, body: string | object, headers?: Record<string, string> }} handle
 * @param {{ port?: number, tls?: { key: string, cert: string, host: string } }} [options]
 *   `tls` serves https with this key and certificate, reached as https://<host>:<port>
 * @returns {Promise<Scripted>}
 */
export async function startScripted(handle, options = {}) {
  /** @type {Fault[]} */
  const queue = [];
  /** @type {RecordedRequest[]} */
  const requests = [];
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  /** @type {http.RequestListener} */
  const listener = (req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now()
      };
      requests.push(recorded);
      const fault = queue.shift();
      const answer = () => {
        if (fault?.hang) return;
        if (fault?.destroy) {
          req.socket.destroy();
          return;
        }
        if (fault?.truncate) {
          res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
          res.write('{"access_token":"eyJ');
          setTimeout(() => req.socket.destroy(), 20);
          return;
        }
        if (fault?.bodyBytes) {
          res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json' });
          const chunk = Buffer.alloc(64 * 1024, 'a');
          let left = fault.bodyBytes;
          const pump = () => {
            while (left > 0) {
              const n = Math.min(left, chunk.length);
              left -= n;
              if (!res.write(chunk.subarray(0, n))) {
                res.once('drain', pump);
                return;
              }
            }
            res.end();
          };
          res.on('error', () => undefined);
          pump();
          return;
        }
        if (fault?.echo) {
          const quoted = `body ${JSON.stringify(recorded.body)} headers ${JSON.stringify(req.headers)}`;
          res.writeHead(fault.echo, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify({ error: quoted, error_description: quoted, message: quoted, errors: [{ code: quoted, message: quoted }] })
          );
          return;
        }
        const result =
          fault && fault.status !== undefined ? { status: fault.status, body: fault.body ?? '', headers: fault.headers } : handle(recorded);
        const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
        const type = typeof result.body === 'string' ? 'text/plain' : 'application/json';
        res.writeHead(result.status, { 'Content-Type': type, ...(result.headers ?? {}) });
        res.end(text);
      };
      if (fault?.delayMs) setTimeout(answer, fault.delayMs);
      else answer();
    });
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port: address.port,
    url: options.tls ? `https://${options.tls.host}:${address.port}` : `http://127.0.0.1:${address.port}`,
    requests,
    script: (...faults) => queue.push(...faults),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    }
  };
}
