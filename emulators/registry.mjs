// @ts-check
// The CNCF distribution registry (Debian's docker-registry) on loopback, with htpasswd auth and
// one small image pushed into it with skopeo: the registry the end-to-end tests and the demo put
// behind the registry gate (registry-gate.mjs), which accepts only the STS emulator's tokens.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeOciImage } from './oci-image.mjs';
import { closedPort } from './ports.mjs';

const run = promisify(execFile);

/** The programs startRegistry runs. */
export const REGISTRY_PROGRAMS = ['docker-registry', 'htpasswd', 'skopeo'];

/**
 * @typedef {object} Registry
 * @property {string} host  `127.0.0.1:<port>`, the form docker and the step's `registry` input use
 * @property {string} image  the image pushed into it
 * @property {() => Promise<void>} stop
 */

/** @param {string} url @returns {Promise<number>} */
function status(url) {
  return new Promise((resolve) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', () => resolve(0));
  });
}

/**
 * Starts a registry in `dir` that accepts exactly `user`/`password` (basic auth over htpasswd),
 * and pushes a small image into it as that user with skopeo.
 * @param {string} dir
 * @param {string} user
 * @param {string} password
 * @returns {Promise<Registry>}
 */
export async function startRegistry(dir, user, password) {
  mkdirSync(dir, { recursive: true });
  const { stdout } = await run('htpasswd', ['-Bbn', user, password]);
  writeFileSync(path.join(dir, 'htpasswd'), stdout);
  const port = await closedPort();
  const host = `127.0.0.1:${port}`;
  writeFileSync(
    path.join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: error',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'data')}`,
      'http:',
      `  addr: ${host}`,
      '  secret: end-to-end-tests',
      'auth:',
      '  htpasswd:',
      '    realm: e2e',
      `    path: ${path.join(dir, 'htpasswd')}`,
      ''
    ].join('\n')
  );
  const child = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  const deadline = Date.now() + 15_000;
  while ((await status(`http://${host}/v2/`)) !== 401) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`docker-registry did not start on ${host}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const layout = path.join(dir, 'layout');
  writeOciImage(layout, 'latest', `hello from ${host}`);
  const image = `${host}/e2e/hello:latest`;
  await run('skopeo', [
    '--insecure-policy',
    'copy',
    '--quiet',
    '--dest-tls-verify=false',
    '--dest-creds',
    `${user}:${password}`,
    `oci:${layout}:latest`,
    `docker://${image}`
  ]);
  return {
    host,
    image,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
  };
}
