/** The post bundle's entry: masks the agent's secrets before the task library loads, then runs the cleanup step. */
import '../platform/azure-early-secrets.js';
import { run } from './post.js';

void run();
