import { runCleanup } from '../core/cleanup.js';
import { githubPlatform } from '../platform/github.js';

void runCleanup(githubPlatform());
