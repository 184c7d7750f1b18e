#!/usr/bin/env node
// The command itself: stream errors, then main(). Run as it is (node dist/src/cli/bin.js) or, for
// the installed `cancu`, from the one-file bundle dist/cli/cancu.bundle.cjs that launch.cts starts
// (scripts/build-cli.mjs): no top-level await here, the bundle is CommonJS.
import { main } from './main.js';

// `cancu extract … | head`: the reader closed the pipe, nothing more can be said — end quietly, as
// Unix tools do, instead of an "Error: write EPIPE" stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

void main({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr }).then((code) => {
  if (code >= 0) process.exitCode = code;
});
