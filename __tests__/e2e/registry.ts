/** The CNCF distribution registry (Debian's docker-registry) on loopback, with htpasswd auth. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { closedPort } from '../helpers/temp.js';
import { writeOciImage } from './oci-image.js';

const run = promisify(execFile);

export interface Registry {
  /** `127.0.0.1:<port>`, the form docker and the step's `registry` input use. */
  host: string;
  /** The image pushed into it. */
  image: string;
  stop(): Promise<void>;
}

function status(url: string): Promise<number> {
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
 */
export async function startRegistry(dir: string, user: string, password: string): Promise<Registry> {
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
  const child: ChildProcess = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
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

export interface ClientEnv {
  HOME: string;
  PATH: string;
  DOCKER_CONFIG?: string;
  REGISTRY_AUTH_FILE?: string;
}

/** Whether the real docker CLI can read `image`'s manifest with this environment's credentials. */
export async function dockerCanRead(env: ClientEnv, image: string): Promise<boolean> {
  return run('docker', ['manifest', 'inspect', '--insecure', image], { env: { ...env } }).then(
    () => true,
    () => false
  );
}

/** Whether skopeo (containers-image's own auth lookup) can read `image`. */
export async function skopeoCanRead(env: ClientEnv, image: string): Promise<boolean> {
  return run('skopeo', ['inspect', '--tls-verify=false', `docker://${image}`], { env: { ...env } }).then(
    () => true,
    () => false
  );
}
