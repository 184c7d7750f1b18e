#!/usr/bin/env node
import { main } from './main.js';

const code = await main({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr });
if (code >= 0) process.exitCode = code;
