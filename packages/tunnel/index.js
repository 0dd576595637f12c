// @ts-check
// The four agent factories of the `tunnel` package that @actions/http-client uses for a request
// through a proxy (its OIDC client among them), each returning https-proxy-agent's agent: a
// CONNECT tunnel through the proxy, with the proxy's credentials as Basic auth. package.json's
// "overrides" installs this in place of tunnel@0.0.6, whose `new Buffer(proxyAuth)` prints
// Node's DEP0005 DeprecationWarning into the step log of every job behind a proxy that needs a
// user name and password. The tunnel itself is https-proxy-agent's, as for the product's own
// requests (src/core/net/proxy.ts).
import { HttpsProxyAgent } from 'https-proxy-agent';

/**
 * @typedef {object} TunnelOptions  what @actions/http-client passes
 * @property {number} [maxSockets]
 * @property {boolean} [keepAlive]
 * @property {{ host: string, port?: string | number, proxyAuth?: string }} proxy
 *   `proxyAuth` is `user:password` as the proxy URL spells them (percent-encoded)
 */

/**
 * @param {'http:' | 'https:'} proxyProtocol
 * @returns {(options: TunnelOptions) => HttpsProxyAgent<string>}
 */
function through(proxyProtocol) {
  return (options) => {
    const { host, port, proxyAuth } = options.proxy;
    const url = new URL(`${proxyProtocol}//${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}`);
    if (port) url.port = String(port);
    if (proxyAuth) {
      const colon = proxyAuth.indexOf(':');
      url.username = colon < 0 ? proxyAuth : proxyAuth.slice(0, colon);
      url.password = colon < 0 ? '' : proxyAuth.slice(colon + 1);
    }
    return new HttpsProxyAgent(url, { keepAlive: options.keepAlive, maxSockets: options.maxSockets });
  };
}

// The target's scheme (http or https) is the request's own: the agent tunnels either.
export const httpOverHttp = through('http:');
export const httpsOverHttp = through('http:');
export const httpOverHttps = through('https:');
export const httpsOverHttps = through('https:');
