import { runCleanup } from '../core/login.js';
import { azurePipelinesPlatform } from '../platform/azure-pipelines.js';

await runCleanup(azurePipelinesPlatform());
