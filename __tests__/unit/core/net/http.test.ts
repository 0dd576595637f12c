/** The one HTTP transport: answers read whole, caps, time limits, no redirects, and the route through a proxy. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpFailure } from '../../../../src/core/net/failure.js';
import { send, type HttpRequest } from '../../../../src/core/net/http.js';
import type { NetworkSettings } from '../../../../src/core/platform.js';
import { startProxy } from '../../../helpers/proxy.js';
import { closedPort } from '../../../helpers/temp.js';

let server: http.Server;
let base: string;
/** What the next request is answered with. */
let handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;

beforeAll(async () => {
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function request(extra: Partial<HttpRequest> = {}): HttpRequest {
  return {
    url: new URL('/token', base),
    method: 'GET',
    route: 'direct',
    connectTimeoutMs: 2_000,
    timeoutMs: 5_000,
    maxBodyBytes: 1024,
    ...extra
  };
}

describe('send', () => {
  it('reads the whole answer, sends the body with its length, and hands back the secrets the request declared', async () => {
    let received = '';
    handler = (req, res) => {
      req.on('data', (chunk: Buffer) => (received += chunk.toString()));
      req.on('end', () => res.writeHead(201, { 'X-Answer': 'yes' }).end(`got ${req.headers['content-length']}`));
    };
    const response = await send(request({ method: 'POST', body: 'a=1&b=2', secrets: ['s3cret-value'] }));
    expect(received).toBe('a=1&b=2');
    expect(response).toMatchObject({ status: 201, body: 'got 7', secrets: ['s3cret-value'] });
    expect(response.headers['x-answer']).toBe('yes');
  });

  it('never follows a redirect: the 3xx is the answer', async () => {
    handler = (_req, res) => res.writeHead(302, { Location: 'http://192.0.2.1/elsewhere' }).end();
    expect((await send(request())).status).toBe(302);
  });

  it('refuses an answer larger than the cap instead of buffering it', async () => {
    handler = (_req, res) => res.end('x'.repeat(4096));
    await expect(send(request())).rejects.toMatchObject({ kind: 'too-large', message: expect.stringMatching(/larger than 1024 bytes/) });
  });

  it('gives up on an endpoint that accepts and never answers, within the time limit', async () => {
    handler = () => undefined;
    await expect(send(request({ timeoutMs: 200 }))).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/did not answer within 200 ms/)
    });
  });

  it('tells a refused connection apart, and a cancelled request', async () => {
    const port = await closedPort();
    await expect(send(request({ url: new URL(`http://127.0.0.1:${port}/`) }))).rejects.toMatchObject({ kind: 'refused' });
    const aborted = AbortSignal.abort();
    await expect(send(request({ signal: aborted }))).rejects.toBeInstanceOf(HttpFailure);
  });
});

describe('the route through a proxy', () => {
  /** Network settings that send everything through `proxyUrl`, recording each URL asked about. */
  function through(proxyUrl: string, credentials: { username?: string; password?: string } = {}): NetworkSettings & { asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      proxyFor: (url) => {
        asked.push(url.href);
        return { url: new URL(proxyUrl), ...credentials };
      },
      source: 'the test network settings'
    };
  }

  it('reaches a loopback address directly whatever the settings say', async () => {
    handler = (_req, res) => res.end('direct');
    const network = through('http://127.0.0.1:9');
    const response = await send(request({ route: 'environment', network }));
    expect(response.body).toBe('direct');
    expect(network.asked).toEqual([]);
  });

  it('tunnels through the proxy with its credentials, and names a refused tunnel as the proxy answered', async () => {
    handler = (_req, res) => res.end('through the proxy');
    const proxy = await startProxy(() => '127.0.0.1', { username: 'user', password: 'p@ss:word' });
    try {
      const target = new URL('/token', base.replace('127.0.0.1', 'sts.example.test'));
      const ok = await send(
        request({ url: target, route: 'environment', network: through(proxy.url, { username: 'user', password: 'p@ss:word' }) })
      );
      expect(ok.body).toBe('through the proxy');
      expect(proxy.seen).toEqual([`sts.example.test:${target.port}`]);
      const refused = send(
        request({ url: target, route: 'environment', network: through(proxy.url, { username: 'user', password: 'wrong' }) })
      );
      await expect(refused).rejects.toMatchObject({
        kind: 'proxy',
        settings: 'the test network settings',
        message: `the proxy ${new URL(proxy.url).host} refused to open a tunnel to ${target.host} (HTTP 407: Proxy Authentication Required, check the proxy user name and password)`
      });
    } finally {
      await proxy.close();
    }
  });

  it('names a proxy it cannot reach', async () => {
    const port = await closedPort();
    const target = new URL('/token', base.replace('127.0.0.1', 'sts.example.test'));
    await expect(send(request({ url: target, route: 'environment', network: through(`http://127.0.0.1:${port}`) }))).rejects.toMatchObject({
      kind: 'proxy',
      message: `the proxy 127.0.0.1:${port} could not be reached (connect ECONNREFUSED)`
    });
  });
});
