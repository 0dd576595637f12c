/**
 * packages/tunnel: the tunnel API @actions/http-client calls for a request through a proxy (its
 * OIDC client's), served by https-proxy-agent. A real CONNECT through a loopback proxy that
 * demands credentials spelled with reserved characters, as HTTPS_PROXY percent-encodes them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpOverHttp, httpsOverHttp } from 'tunnel';
import { startProxy, type RecordingProxy } from '../../helpers/proxy.js';

const USER = 'ci@corp';
const PASSWORD = 'p:ss/w%rd';
let proxy: RecordingProxy;
let target: http.Server;

beforeAll(async () => {
  proxy = await startProxy(undefined, { username: USER, password: PASSWORD });
  target = http.createServer((_req, res) => res.end('through'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await proxy.close();
  await new Promise((resolve) => target.close(resolve));
});

/** GETs the target with `agent`; resolves with the status and body. */
function get(agent: http.Agent): Promise<{ status?: number; body: string }> {
  const { port } = target.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      })
      .on('error', reject);
  });
}

const proxyAddress = () => new URL(proxy.url);

it('tunnels through the proxy with its credentials, as @actions/http-client passes them (percent-encoded)', async () => {
  const { hostname, port } = proxyAddress();
  const agent = httpOverHttp({ proxy: { host: hostname, port, proxyAuth: `${encodeURIComponent(USER)}:${encodeURIComponent(PASSWORD)}` } });
  expect(await get(agent)).toEqual({ status: 200, body: 'through' });
  const { port: targetPort } = target.address() as AddressInfo;
  expect(proxy.seen).toContain(`127.0.0.1:${targetPort}`);
  expect(proxy.refused).toBe(0);
});

it("answers with the proxy's refusal without credentials, never going direct", async () => {
  const { hostname, port } = proxyAddress();
  const refused = proxy.refused;
  expect(await get(httpsOverHttp({ proxy: { host: hostname, port } }))).toEqual({ status: 407, body: '' });
  expect(proxy.refused).toBe(refused + 1);
});
