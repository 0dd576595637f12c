/** The task's main step: logs the job in. */
import { runLogin } from '../core/login/login.js';
import { processRuntime } from '../core/runtime.js';
import { azurePipelinesPlatform } from '../platform/azure-pipelines.js';

export async function run(): Promise<void> {
  await runLogin(azurePipelinesPlatform(), processRuntime());
}
