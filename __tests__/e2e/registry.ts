/** The loopback registry (emulators/registry.mjs, shared with the demo) and checks that read it with the real clients. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export { startRegistry, type Registry } from '../../emulators/registry.mjs';

const run = promisify(execFile);

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
