/** The bundle's entry: masks the agent's secrets before the task library loads, then runs the main step. */
import '../platform/azure-early-secrets.js';
import { run } from './main.js';

void run();
