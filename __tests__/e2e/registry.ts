/** The loopback registry (emulators/registry.mjs, shared with the demo) and checks that read it with the real clients. */
import { exec } from '../helpers/exec.js';
import type { ClientEnv } from './clients.js';

export { startRegistry, type Registry } from '../../emulators/registry.mjs';
export type { ClientEnv } from './clients.js';

/** Whether the real docker CLI can read `image`'s manifest with this environment's credentials. */
export async function dockerCanRead(env: ClientEnv, image: string): Promise<boolean> {
  return (await exec('docker', ['manifest', 'inspect', '--insecure', image], { env: { ...env } })).code === 0;
}

/** Whether skopeo (containers-image's own auth lookup) can read `image`. */
export async function skopeoCanRead(env: ClientEnv, image: string): Promise<boolean> {
  return (await exec('skopeo', ['inspect', '--tls-verify=false', `docker://${image}`], { env: { ...env } })).code === 0;
}
