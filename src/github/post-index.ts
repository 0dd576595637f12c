/** The post bundle's entry: runs the cleanup step. */
import { run } from './post.js';

void run();
