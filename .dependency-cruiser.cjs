// The import rules of src/ (run by `npm run lint`): no cycles; the core owns the Platform port
// and never imports an adapter or a runner library; only the adapters (src/platform/) and the
// entry points import @actions/core or azure-pipelines-task-lib.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle: split the shared piece into a module both can import.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true }
    },
    {
      name: 'core-not-to-adapters',
      comment: 'The core reaches a runner only through the Platform port (src/core/platform.ts).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(platform|github|azure|cli|helper)/' }
    },
    {
      name: 'runner-libraries-in-adapters-only',
      comment: 'Only the adapters and the entry points import the runner libraries.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(platform|github|azure|cli)/' },
      to: { path: 'node_modules/(@actions/core|azure-pipelines-task-lib)/' }
    },
    {
      name: 'adapters-know-no-protocol',
      comment: 'Adapters translate the port to a runner; the protocols live in the core.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/core/(sources|exchange|net|credential-helper|docker)/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' }
  }
};
