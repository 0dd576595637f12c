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
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exec } from '../helpers/exec.js';

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
  /** The exit code; -1 when the client did not exit with one (not found, killed). */
  code: number;
  /** How long the client ran. */
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs a client to completion (killed after `timeoutMs`), timed. */
async function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<PullResult> {
  const start = Date.now();
  const { code, stdout, stderr } = await exec(file, [...args], { env, timeout: timeoutMs });
  return { ok: code === 0, command: [file, ...args].join(' '), code, ms: Date.now() - start, stdout, stderr };
}

let daemon: Promise<boolean> | undefined;
/** Whether a docker daemon answers here (this sandbox has none; CI machines may). */
export function dockerDaemon(): Promise<boolean> {
  return (daemon ??= run(
    'docker',
    ['version', '--format', '{{.Server.Version}}'],
    { PATH: process.env.PATH, HOME: process.env.HOME },
    10_000
  ).then((r) => r.ok));
}

/** Why `client` cannot run here, or undefined when it can. */
async function clientProblem(client: Client): Promise<string | undefined> {
  const version = await run(client, ['--version'], { PATH: process.env.PATH }, 20_000);
  if (!version.ok) return `${client} --version failed (${version.code}): ${version.stderr.trim() || 'not installed'}`;
  return undefined;
}

/** Why each client cannot run here (undefined for those that can). */
export async function clientProblems(): Promise<Record<Client, string | undefined>> {
  return Object.fromEntries(await Promise.all(CLIENTS.map(async (client) => [client, await clientProblem(client)] as const))) as Record<
    Client,
    string | undefined
  >;
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
        daemon ? run('docker', ['pull', '--quiet', image], fullEnv) : run('docker', ['manifest', 'inspect', '--insecure', image], fullEnv)
      );
    case 'skopeo':
      return run(
        'skopeo',
        ['--insecure-policy', 'copy', '--quiet', '--src-tls-verify=false', `docker://${image}`, `dir:${path.join(own, 'image')}`],
        fullEnv
      );
    case 'podman':
      return run(
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
      return run(
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
