import type { HttpsProxyAgent } from 'https-proxy-agent';

/** What @actions/http-client passes: `proxyAuth` is `user:password` as the proxy URL spells them. */
export interface TunnelOptions {
  maxSockets?: number;
  keepAlive?: boolean;
  proxy: { host: string; port?: string | number; proxyAuth?: string };
}
export declare const httpOverHttp: (options: TunnelOptions) => HttpsProxyAgent<string>;
export declare const httpsOverHttp: (options: TunnelOptions) => HttpsProxyAgent<string>;
export declare const httpOverHttps: (options: TunnelOptions) => HttpsProxyAgent<string>;
export declare const httpsOverHttps: (options: TunnelOptions) => HttpsProxyAgent<string>;
