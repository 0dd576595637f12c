/** The task's post-job step: removes what the main step wrote. */
import { runCleanup } from '../core/cleanup.js';
import { azurePipelinesPlatform } from '../platform/azure-pipelines.js';

export async function run(): Promise<void> {
  await runCleanup(azurePipelinesPlatform());
}
