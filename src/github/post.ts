import { runCleanup } from '../core/login.js';
import { githubPlatform } from '../platform/github.js';

await runCleanup(githubPlatform());
