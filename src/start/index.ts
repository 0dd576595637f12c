/**
 * The entry every step bundle starts from (dist/github/main/index.js, dist/github/post/index.js,
 * dist/azure/main/index.js, dist/azure/post/index.js): turns on Node's compile cache, then loads
 * the step, built beside it as step.index.js. A module is compiled before any of it runs, so the
 * cache must be on before the step is loaded.
 */
import { enableCompileCache } from '../core/compile-cache.js';

enableCompileCache();
// Loaded as it is, not bundled: the step is a bundle of its own (scripts/build.mjs).
const step = './step.index.js';
void import(/* webpackIgnore: true */ step);
