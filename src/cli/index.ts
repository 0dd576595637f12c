#!/usr/bin/env node
/** The command-line tool's entry. */
import { run } from './main.js';

void run();
