/**
 * End to end, the credential helper alone: a real registry (Debian's docker-registry) behind a
 * loopback gate that accepts only unexpired tokens the STS emulator issued, with the emulator
 * issuing tokens that live a few seconds. A helper installed by hand (configuration, wrapper on
 * PATH, `credHelpers` entry in a docker config that also names a `credsStore`) must keep the
 * real docker CLI, skopeo, podman and buildah pulling after the first token expired, and eight
 * concurrent pulls after expiry must cause one exchange (two at most, when a late process finds
 * the new token past half its lifetime). Once the helper is removed, nothing pulls.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, startEmulators } from '../../emulators/index.mjs';
import { startRegistryGate, stsTokens } from '../../emulators/registry-gate.mjs';
import { removeHelper } from '../../src/core/credential-helper/install.js';
import { type HelperConfig } from '../../src/core/credential-helper/config.js';
import { CLIENTS, clientProblems, describePull, installRunnerStore, pull, type ClientEnv, type PullResult } from './clients.js';
import { startRegistry, type Registry } from './registry.js';
import { installTestHelper, LOOPBACK_ONLY } from '../helpers/helper-process.js';
import { waitUntilExpired } from '../helpers/clock.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

/**
 * How long the STS emulator's tokens live, in seconds: the helper reuses one while more than half
 * its lifetime is left, with no setting for tests.
 */
const LIFETIME = 6;
const UPSTREAM = { username: 'upstream', password: 'upstream-secret' };

const problems = await clientProblems();

let registry: Registry;
beforeAll(async () => {
  registry = await startRegistry(path.join(tempDir('cgl-helper-registry-'), 'registry'), UPSTREAM.username, UPSTREAM.password);
}, 60_000);
afterAll(async () => {
  await registry?.stop();
  removeTempDirs();
});

const ok = (result: PullResult): string => describePull(result);

describe.each(CLIENTS)('%s with the refreshing credential helper', (client) => {
  const problem = problems[client];
  const test = problem ? it.skip : it;
  test(
    problem
      ? `cannot run here: ${problem}`
      : 'keeps pulling after the token expired; eight concurrent pulls refresh once; nothing pulls once the helper is gone',
    async () => {
      const emulators = await startEmulators({ stsTokenLifetimeSeconds: LIFETIME });
      const { sts } = emulators;
      const gate = await startRegistryGate({ upstream: `http://${registry.host}`, upstreamCredentials: UPSTREAM, accept: stsTokens(sts) });
      const results: PullResult[] = [];
      const pullOnce = async (env: ClientEnv): Promise<PullResult> => {
        const result = await pull(client, image, env);
        results.push(result);
        return result;
      };
      const dir = tempDir(`cgl-helper-${client}-`);
      const image = `${gate.host}/e2e/hello:latest`;
      try {
        const config: HelperConfig = {
          version: 2,
          hosts: { [gate.host]: { kind: 'chainguard', issuer: sts.url, identity: IDENTITY_SYSTEM, audience: gate.host } },
          source: {
            kind: 'imds',
            inputs: { azureResource: AZURE_AUDIENCE },
            env: { AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url }
          }
        };
        const helper = installTestHelper(dir, config);
        const dockerDir = path.join(dir, 'docker');
        mkdirSync(dockerDir);
        writeFileSync(
          path.join(dockerDir, 'config.json'),
          JSON.stringify({ credsStore: 'runnerstore', credHelpers: { [gate.host]: helper.name } })
        );
        const home = path.join(dir, 'home');
        mkdirSync(home);
        // DOCKER_CONFIG alone: no REGISTRY_AUTH_FILE, no XDG_RUNTIME_DIR.
        const env: ClientEnv = {
          HOME: home,
          PATH: `${helper.binDir}:${installRunnerStore(dir)}:${process.env.PATH}`,
          DOCKER_CONFIG: dockerDir,
          NODE_OPTIONS: LOOPBACK_ONLY
        };

        const first = await pullOnce(env);
        expect(ok(first)).toMatch(/→ ok/);
        expect(sts.issued).toHaveLength(1);
        expect(gate.passed().length).toBeGreaterThan(0);
        expect(new Set(gate.passed().map((r) => r.token))).toEqual(new Set([sts.issued[0]]));

        await waitUntilExpired(sts.issued[0]);
        const since = Date.now();
        const second = await pullOnce(env);
        expect(ok(second)).toMatch(/→ ok/);
        expect(sts.issued).toHaveLength(2);
        expect(
          new Set(
            gate
              .passed()
              .filter((r) => r.at >= since)
              .map((r) => r.token)
          )
        ).toEqual(new Set([sts.issued[1]]));

        await waitUntilExpired(sts.issued[1]);
        const before = sts.issued.length;
        const batch = await Promise.all(Array.from({ length: 8 }, () => pullOnce(env)));
        expect(batch.map(ok).filter((line) => !/→ ok/.test(line))).toEqual([]);
        const exchanges = sts.issued.length - before;
        expect(exchanges).toBeGreaterThanOrEqual(1);
        expect(exchanges).toBeLessThanOrEqual(2);

        // The helper never handed out an expired token, and no client printed one.
        expect(gate.requests.filter((r) => r.verdict === 'expired' || r.verdict === 'unknown')).toEqual([]);
        const tokens = [...sts.issued, ...emulators.imds.issued];
        const printed = results.map((r) => r.stdout + r.stderr).join('\n');
        expect(tokens.filter((token) => printed.includes(token))).toEqual([]);

        removeHelper(helper.dir);
        const removedAt = Date.now();
        const after = await pullOnce(env);
        expect(after.ok).toBe(false);
        expect(gate.requests.filter((r) => r.at >= removedAt && r.status !== 401)).toEqual([]);
      } finally {
        await gate.close();
        await emulators.close();
      }
    },
    180_000
  );
});
