/**
 * Four kinds of tests, each its own project:
 * - unit: every in-process test (no root, no Debian packages; seconds), named after the module it covers;
 * - bundle: the built bundles run as the runner, the agent and a shell run them, against loopback emulators,
 *   and the repository's own checks (packaging, versions, workflows);
 * - e2e: the real docker CLI, skopeo, podman and buildah pulling through what the bundles wrote;
 * - windows: the built bundles on Windows — under wine with the Windows Node on Linux (skipped, with the
 *   reason printed, where wine cannot run), natively on Windows, where it also runs the unit tests that
 *   hold there (the others need sh, file modes, FIFOs, symbolic links or POSIX paths).
 * The bundle and e2e suites run twice: with the bundles under this machine's Node (20) and under
 * the real Node 24 ("(Node 24)" projects; the task's mock-runner test picks both handlers itself).
 * `npm test` runs them all; `npm run test:unit` the first; `npm run test:windows` the last.
 */
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.jest.json' }]
  },
  testMatch: ['**/*.test.ts']
};

/** The unit tests that hold on Windows too (run there by the windows project). */
const PORTABLE_UNIT_TESTS = [
  'core/advice/trust',
  'core/credential-helper/refresh',
  'core/docker/job-dir',
  'core/exchange/acr',
  'core/exchange/chainguard-sts',
  'core/fs/private-dir',
  'core/inputs/definitions',
  'core/login/plan',
  'core/net/http',
  'core/net/retry',
  'core/net/token-endpoint',
  'core/sources/app-service',
  'core/sources/azure-devops-oidc',
  'core/sources/github-oidc',
  'core/sources/imds',
  'core/sources/token-file',
  'core/sources/workload-identity',
  'core/text',
  'emulators/loopback-only',
  'platform/cli',
  'test-helpers/hygiene'
];

/** @type {import('jest').Config} */
export default {
  testTimeout: 60000,
  verbose: false,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/__tests__/unit'] },
    { ...common, displayName: 'bundle', roots: ['<rootDir>/__tests__/bundle', '<rootDir>/__tests__/project'] },
    { ...common, displayName: 'e2e', roots: ['<rootDir>/__tests__/e2e'] },
    {
      ...common,
      displayName: 'bundle (Node 24)',
      roots: ['<rootDir>/__tests__/bundle'],
      // mock-task runs each task.json handler under its own Node; local-action runs the sources, not
      // a bundle; compile-cache always runs the bundles under a Node with the cache (Node 24).
      testPathIgnorePatterns: ['/mock-task\\.test\\.ts$', '/local-action\\.test\\.ts$', '/compile-cache\\.test\\.ts$'],
      setupFiles: ['<rootDir>/__tests__/helpers/node24.ts']
    },
    { ...common, displayName: 'e2e (Node 24)', roots: ['<rootDir>/__tests__/e2e'], setupFiles: ['<rootDir>/__tests__/helpers/node24.ts'] },
    {
      ...common,
      displayName: 'windows',
      roots: ['<rootDir>/__tests__/windows', ...(process.platform === 'win32' ? ['<rootDir>/__tests__/unit'] : [])],
      testMatch: ['**/__tests__/windows/**/*.test.ts', ...PORTABLE_UNIT_TESTS.map((name) => `**/__tests__/unit/${name}.test.ts`)],
      globalSetup: '<rootDir>/__tests__/windows/global-setup.mjs',
      globalTeardown: '<rootDir>/__tests__/windows/global-teardown.mjs'
    }
  ]
};
