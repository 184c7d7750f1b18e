#!/usr/bin/env node
import { main } from './main.js';

// `cancu extract … | head`: the reader closed the pipe, nothing more can be said — end quietly, as
// Unix tools do, instead of an "Error: write EPIPE" stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await main({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr });
if (code >= 0) process.exitCode = code;
