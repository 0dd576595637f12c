import { runCleanup } from '../core/cleanup.js';
import { azurePipelinesPlatform } from '../platform/azure-pipelines.js';

void runCleanup(azurePipelinesPlatform());
