import { runLogin } from '../core/login.js';
import { processRuntime } from '../core/runtime.js';
import { githubPlatform } from '../platform/github.js';

void runLogin(githubPlatform(), processRuntime());
