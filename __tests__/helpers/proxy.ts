/** A loopback forward proxy (CONNECT and plain requests) that records what went through it. */
import http from 'node:http';
import net from 'node:net';

export interface RecordingProxy {
  url: string;
  /** `host:port` of every CONNECT, and the absolute URL of every forwarded request. */
  seen: string[];
  /** Requests refused with 407 because their Proxy-Authorization was missing or wrong. */
  refused: number;
  close(): Promise<void>;
}

/**
 * `resolve` maps a requested host to where the proxy really connects (default: itself). With
 * `credentials`, the proxy answers 407 unless a request carries them as Basic proxy auth.
 */
export async function startProxy(
  resolve: (host: string) => string = (host) => host,
  credentials?: { username: string; password: string }
): Promise<RecordingProxy> {
  const seen: string[] = [];
  const expected = credentials && `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const authorized = (req: http.IncomingMessage): boolean => !expected || req.headers['proxy-authorization'] === expected;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    if (!authorized(req)) {
      proxy.refused++;
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="proxy"' }).end();
      return;
    }
    seen.push(req.url ?? '');
    const target = new URL(req.url ?? '');
    const upstream = http.request(
      {
        host: resolve(target.hostname),
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    if (!authorized(req)) {
      proxy.refused++;
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n');
      return;
    }
    seen.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), resolve(host), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as net.AddressInfo;
  const proxy: RecordingProxy = {
    url: `http://127.0.0.1:${port}`,
    seen,
    refused: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    }
  };
  return proxy;
}
