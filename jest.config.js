/**
 * Three kinds of tests, each its own project:
 * - unit: every in-process test (no root, no Debian packages; seconds), named after the module it covers;
 * - bundle: the built bundles run as the runner, the agent and a shell run them, against loopback emulators,
 *   and the repository's own checks (packaging, versions, workflows);
 * - e2e: the real docker CLI, skopeo, podman and buildah pulling through what the bundles wrote.
 * The bundle and e2e suites run twice: with the bundles under this machine's Node (20) and under
 * the real Node 24 ("(Node 24)" projects; the task's mock-runner test picks both handlers itself).
 * `npm test` runs them all; `npm run test:unit` the first.
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
      testPathIgnorePatterns: ['/mock-task\\.test\\.ts$', '/local-action\\.test\\.ts$'],
      setupFiles: ['<rootDir>/__tests__/helpers/node24.ts']
    },
    { ...common, displayName: 'e2e (Node 24)', roots: ['<rootDir>/__tests__/e2e'], setupFiles: ['<rootDir>/__tests__/helpers/node24.ts'] }
  ]
};
