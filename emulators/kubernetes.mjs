// @ts-check
// Stands in for the kubelet: writes projected service-account tokens (as a pod sees them in its
// token volume) into a directory of its own, and records every token it wrote.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeJwt } from './jwt.mjs';

/**
 * @param {{ issuer: string }} options  the cluster's service-account issuer
 */
export function createKubelet(options) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'projected-tokens-'));
  /** @type {string[]} */
  const issued = [];
  return {
    dir,
    issued,
    issuer: options.issuer,
    /**
     * Writes a token for `system:serviceaccount:<namespace>:<serviceAccount>` and returns the file.
     * @param {{ namespace: string, serviceAccount: string, audience: string, file?: string, lifetimeSeconds?: number, issuer?: string }} token
     */
    writeToken(token) {
      const now = Math.floor(Date.now() / 1000);
      const jwt = makeJwt({
        iss: token.issuer ?? options.issuer,
        sub: `system:serviceaccount:${token.namespace}:${token.serviceAccount}`,
        aud: [token.audience],
        iat: now,
        nbf: now,
        exp: now + (token.lifetimeSeconds ?? 3600),
        'kubernetes.io': { namespace: token.namespace, serviceaccount: { name: token.serviceAccount } }
      });
      issued.push(jwt);
      const file = path.join(dir, token.file ?? 'token');
      writeFileSync(file, jwt, { mode: 0o600 });
      return file;
    },
    close() {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
