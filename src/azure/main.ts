import { runLogin } from '../core/login.js';
import { processRuntime } from '../core/runtime.js';
import { azurePipelinesPlatform } from '../platform/azure-pipelines.js';

void runLogin(azurePipelinesPlatform(), processRuntime());
