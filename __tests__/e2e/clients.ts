/**
 * The real registry clients, each pulling an image with nothing but the environment it is
 * given (DOCKER_CONFIG, PATH for credential helpers, HOME), as a job's later steps would:
 *
 * - docker: `docker pull` when a daemon answers, else `docker manifest inspect --insecure`,
 *   which authenticates through the same credential lookup without a daemon;
 * - skopeo: `skopeo copy` of the image into a directory (manifest, config and layers);
 * - podman and buildah (Debian's 4.3 and 1.28, as root without systemd): `pull` into a private
 *   store per call — `--storage-driver vfs` (no overlay mounts needed), `--root`/`--runroot`
 *   (and podman's `--tmpdir`, `--events-backend none`) under the call's own directory,
 *   `--tls-verify=false` for the loopback http registry, TMPDIR for layer downloads.
 *   With DOCKER_CONFIG set and no REGISTRY_AUTH_FILE, both read `$DOCKER_CONFIG/config.json`
 *   as their auth file (and refuse to start when it does not exist), honouring its
 *   `credHelpers`.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readJwt } from '../../emulators/jwt.mjs';

export type Client = 'docker' | 'skopeo' | 'podman' | 'buildah';
export const CLIENTS: readonly Client[] = ['docker', 'skopeo', 'podman', 'buildah'];

export interface ClientEnv {
  HOME: string;
  PATH: string;
  DOCKER_CONFIG?: string;
  REGISTRY_AUTH_FILE?: string;
  [name: string]: string | undefined;
}

export interface PullResult {
  ok: boolean;
  /** The command, for failure messages. */
  command: string;
  code: number | string | null;
  /** How long the client ran. */
  ms: number;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<PullResult> {
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? ((error as NodeJS.ErrnoException & { code?: number | string }).code ?? null) : 0;
      resolve({
        ok: !error,
        command: [file, ...args].join(' '),
        code,
        ms: Date.now() - start,
        stdout: String(stdout),
        stderr: String(stderr)
      });
    });
  });
}

let daemon: Promise<boolean> | undefined;
/** Whether a docker daemon answers here (this sandbox has none; CI machines may). */
export function dockerDaemon(): Promise<boolean> {
  return (daemon ??= exec(
    'docker',
    ['version', '--format', '{{.Server.Version}}'],
    { PATH: process.env.PATH, HOME: process.env.HOME },
    10_000
  ).then((r) => r.ok));
}

/** Why `client` cannot run here, or undefined when it can. */
export async function clientProblem(client: Client): Promise<string | undefined> {
  const version = await exec(client, ['--version'], { PATH: process.env.PATH }, 20_000);
  if (!version.ok) return `${client} --version failed (${version.code}): ${version.stderr.trim() || 'not installed'}`;
  return undefined;
}

/**
 * Pulls `image` with `client`, using only `env`, into a private store and temporary directory
 * that are removed afterwards.
 */
export async function pull(client: Client, image: string, env: ClientEnv): Promise<PullResult> {
  // Short: podman refuses a runroot path longer than 50 characters.
  const own = mkdtempSync(path.join(os.tmpdir(), `${client.slice(0, 2)}-`));
  try {
    return await pullInto(own, client, image, env);
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
}

function pullInto(own: string, client: Client, image: string, env: ClientEnv): Promise<PullResult> {
  const fullEnv: NodeJS.ProcessEnv = { ...env, TMPDIR: own };
  switch (client) {
    case 'docker':
      return dockerDaemon().then((daemon) =>
        daemon ? exec('docker', ['pull', '--quiet', image], fullEnv) : exec('docker', ['manifest', 'inspect', '--insecure', image], fullEnv)
      );
    case 'skopeo':
      return exec(
        'skopeo',
        ['--insecure-policy', 'copy', '--quiet', '--src-tls-verify=false', `docker://${image}`, `dir:${path.join(own, 'image')}`],
        fullEnv
      );
    case 'podman':
      return exec(
        'podman',
        [
          '--root',
          path.join(own, 'root'),
          '--runroot',
          path.join(own, 'run'),
          '--tmpdir',
          path.join(own, 'tmp'),
          '--events-backend',
          'none',
          '--storage-driver',
          'vfs',
          'pull',
          '--quiet',
          '--tls-verify=false',
          image
        ],
        fullEnv
      );
    case 'buildah':
      return exec(
        'buildah',
        [
          '--root',
          path.join(own, 'root'),
          '--runroot',
          path.join(own, 'run'),
          '--storage-driver',
          'vfs',
          'pull',
          '--quiet',
          '--tls-verify=false',
          image
        ],
        fullEnv
      );
  }
}

/** A pull's outcome for an assertion message: the command and what it printed. */
export function describePull(result: PullResult): string {
  return `${result.command} → ${result.ok ? 'ok' : `failed (${result.code})`} in ${result.ms} ms\n${result.stderr.trim().slice(0, 2000)}`;
}

/**
 * Writes `docker-credential-runnerstore` into `<dir>/runner-bin` (returned, for PATH): a
 * credsStore helper that knows nothing of the test registries, as a runner's desktop or pass store.
 */
export function installRunnerStore(dir: string): string {
  const bin = path.join(dir, 'runner-bin');
  mkdirSync(bin, { recursive: true });
  const script = path.join(bin, 'docker-credential-runnerstore');
  writeFileSync(
    script,
    '#!/bin/sh\ncase "$1" in\n  get) cat >/dev/null; echo "credentials not found in native keychain"; exit 1 ;;\n  list) echo "{}" ;;\n  *) cat >/dev/null ;;\nesac\n'
  );
  chmodSync(script, 0o755);
  return bin;
}

/** Resolves a moment after the JWT `token` expired. */
export async function waitUntilExpired(token: string): Promise<void> {
  const left = readJwt(token)!.exp * 1000 - Date.now();
  if (left > -200) await new Promise((resolve) => setTimeout(resolve, left + 200));
}
