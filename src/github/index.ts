/** The bundle's entry: runs the main step. */
import { run } from './main.js';

void run();
