// Shared by the browser tests (tests/web) and the web benchmark (scripts/bench-web.ts): a real `cancu demo` (the seed plans in the
// embedded store, a temp data folder, a free port) started from the built CLI, and Debian's
// Chromium driven by playwright-core (no browser is downloaded: the executable is the system's).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** The package root, from scripts/ or dist/scripts/. */
export const ROOT = [join(import.meta.dirname, '..'), join(import.meta.dirname, '../..')].find((dir) => existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures')))!;

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}): install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--font-render-hinting=none'],
  });
}

export interface Server {
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** `node dist/src/cli/cancu.cjs demo --port 0`, waiting for the line that gives its URL. */
export async function startServer(): Promise<Server> {
  const data = mkdtempSync(join(tmpdir(), 'cancu-web-'));
  const child = spawn(process.execPath, [join(ROOT, 'dist/src/cli/cancu.cjs'), 'demo', '--port', '0'], {
    cwd: data,
    env: { ...process.env, CANCU_DATA_DIR: join(data, 'store'), NEO4J_URI: '', PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cancu demo did not start in 90 s:\n${out}`)), 90_000);
    const onData = () => {
      const m = /đang chạy tại (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cancu demo exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(data, { recursive: true, force: true });
    },
  };
}
