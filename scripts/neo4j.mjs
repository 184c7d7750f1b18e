#!/usr/bin/env node
// Local Neo4j 5 (community) server for development and CI, without Docker.
//
//   node scripts/neo4j.mjs start | stop | status      (npm run db:start | db:stop | db:status)
//
// The server's jars come from Maven Central (resolved by `mvn` into .neo4j/lib, cached in ~/.m2);
// the JVM is started directly on org.neo4j.server.CommunityEntryPoint, detached, with its pid in
// .neo4j/neo4j.pid. Everything it writes lives under .neo4j/ (git-ignored). See docs/neo4j.md.
//
// Plain Node ESM, standard library only. `neo4j-driver` is used when it is installed, to check the
// credentials and the database once Bolt answers; without it a raw Bolt handshake is enough.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NEO4J_VERSION = '5.26.30';
const DEPENDENCY_PLUGIN_VERSION = '3.8.1';
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOME = path.join(ROOT, '.neo4j');
const paths = {
  home: HOME,
  pom: path.join(HOME, 'pom.xml'),
  lib: path.join(HOME, 'lib'),
  libMarker: path.join(HOME, 'lib', '.resolved'),
  conf: path.join(HOME, 'conf'),
  confFile: path.join(HOME, 'conf', 'neo4j.conf'),
  data: path.join(HOME, 'data'),
  systemDb: path.join(HOME, 'data', 'databases', 'system'),
  passwordMarker: path.join(HOME, 'data', 'cancu-initial-password.sha256'),
  logs: path.join(HOME, 'logs'),
  consoleLog: path.join(HOME, 'logs', 'console.log'),
  neo4jLog: path.join(HOME, 'logs', 'neo4j.log'),
  run: path.join(HOME, 'run'),
  pid: path.join(HOME, 'neo4j.pid'),
  lock: path.join(HOME, 'start.lock'),
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Settings from the environment (read on every call, so callers may change process.env). */
export function settings(env = process.env) {
  const value = (name, fallback) => (env[name] !== undefined && env[name] !== '' ? env[name] : fallback);
  let port = 7687;
  const uriFromEnv = value('NEO4J_URI', undefined);
  if (uriFromEnv) {
    // A local NEO4J_URI (bolt://127.0.0.1:7777) chooses the port when NEO4J_BOLT_PORT is not set.
    const m = /^(?:bolt|neo4j)(?:\+s|\+ssc)?:\/\/(\[[^\]]+\]|[^:/?]+)(?::(\d+))?/.exec(uriFromEnv);
    if (m && LOOPBACK.has(m[1].toLowerCase()) && m[2]) port = Number(m[2]);
  }
  const portText = value('NEO4J_BOLT_PORT', undefined);
  if (portText !== undefined) port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`NEO4J_BOLT_PORT must be a port number 1-65535 (got ${JSON.stringify(portText ?? port)})`);
  }
  const httpText = value('NEO4J_HTTP_PORT', undefined);
  const httpPort = httpText === undefined ? null : Number(httpText);
  if (httpPort !== null && (!Number.isInteger(httpPort) || httpPort < 1 || httpPort > 65535)) {
    throw new Error(`NEO4J_HTTP_PORT must be a port number 1-65535 (got ${JSON.stringify(httpText)})`);
  }
  const timeoutSeconds = Number(value('NEO4J_START_TIMEOUT', '120'));
  const heap = value('NEO4J_HEAP', '1g');
  const pagecache = value('NEO4J_PAGECACHE', '512m');
  for (const [name, size] of [['NEO4J_HEAP', heap], ['NEO4J_PAGECACHE', pagecache]]) {
    if (!/^[1-9]\d*[kmg]$/i.test(size)) throw new Error(`${name} must be a size such as 512m or 1g (got ${JSON.stringify(size)})`);
  }
  return {
    port,
    httpPort,
    uri: `bolt://127.0.0.1:${port}`,
    configuredUri: uriFromEnv ?? null,
    user: value('NEO4J_USER', 'neo4j'),
    password: value('NEO4J_PASSWORD', 'cancu-dev-password'),
    database: value('NEO4J_DATABASE', 'neo4j'),
    heap,
    pagecache,
    startTimeoutMs: (Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds : 120) * 1000,
  };
}

// ---------------------------------------------------------------------------------------------
// small helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (message) => process.stderr.write(`[neo4j] ${message}\n`);

function readPid() {
  try {
    const pid = Number(fs.readFileSync(paths.pid, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Is `pid` our Neo4j server (and not some process that reused the number)? */
function isOurServer(pid) {
  if (!pid || !alive(pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(ENTRY_POINT) && cmdline.includes(HOME);
  } catch {
    return true; // no /proc (macOS): trust the pid file
  }
}

const fileSize = (file) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** The last `lines` lines of `file` written after byte offset `from`. */
/** The Bolt port in the config that the running server was started with. */
function configuredPort() {
  try {
    const m = /^server\.bolt\.listen_address=[^\n]*:(\d+)\s*$/m.exec(fs.readFileSync(paths.confFile, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function tail(file, from = 0, lines = 25) {
  try {
    const text = fs.readFileSync(file).subarray(from).toString('utf8').trim();
    return text ? text.split('\n').slice(-lines).join('\n') : '';
  } catch {
    return '';
  }
}

// Offsets of the logs when the server was launched, so that errors show only this run's lines.
const logOffsets = { neo4jLog: 0, consoleLog: 0 };

function serverLogTail() {
  const parts = [];
  for (const key of ['neo4jLog', 'consoleLog']) {
    const text = tail(paths[key], logOffsets[key]);
    if (text) parts.push(`--- ${path.relative(ROOT, paths[key])} (last lines) ---\n${text}`);
  }
  return parts.length ? `\n${parts.join('\n')}` : '\n(the server wrote nothing to its logs)';
}

/**
 * A Bolt handshake on TCP: the magic preamble and four version proposals (5.0-5.4, 4.4); any
 * four-byte answer means a Bolt server is listening. Resolves true/false, never rejects.
 */
export function boltHandshake(port, host = '127.0.0.1', timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let answer = Buffer.alloc(0);
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => {
      socket.write(
        Buffer.from([
          0x60, 0x60, 0xb0, 0x17, // magic
          0x00, 0x04, 0x04, 0x05, // 5.4 down to 5.0
          0x00, 0x00, 0x04, 0x04, // 4.4
          0x00, 0x00, 0x00, 0x00,
          0x00, 0x00, 0x00, 0x00,
        ]),
      );
    });
    socket.on('data', (chunk) => {
      answer = Buffer.concat([answer, chunk]);
      if (answer.length >= 4) done(true);
    });
    socket.on('end', () => done(answer.length >= 4));
  });
}

/** Is anything at all accepting TCP connections on the port? */
function portTaken(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

async function loadDriver() {
  try {
    const module = await import('neo4j-driver');
    return module.default ?? module;
  } catch {
    return null;
  }
}

function javaCommand() {
  const fromHome = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : null;
  return fromHome && fs.existsSync(fromHome) ? fromHome : 'java';
}

function checkJava(java) {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new Error(`Java was not found (${java}): Neo4j ${NEO4J_VERSION} needs a Java 17 or 21 runtime on PATH or in JAVA_HOME`);
  }
  const text = `${result.stderr}${result.stdout}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(text);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
  if (Number.isFinite(major) && major < 17) {
    throw new Error(`Neo4j ${NEO4J_VERSION} needs Java 17 or 21; ${java} is Java ${major}`);
  }
  if (Number.isFinite(major) && major !== 17 && major !== 21) {
    say(`warning: Java ${major} is not one Neo4j ${NEO4J_VERSION} supports (17, 21); trying anyway`);
  }
}

// ---------------------------------------------------------------------------------------------
// jars

function pomXml() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by scripts/neo4j.mjs: the jars of a Neo4j ${NEO4J_VERSION} community server. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.cancu</groupId>
  <artifactId>cancu-neo4j-server</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
  <dependencies>
    <!-- org.neo4j:neo4j is the community DBMS; it brings neo4j-server (CommunityEntryPoint), the
         admin tool (set-initial-password), Cypher, Bolt, the record storage engine and indexes. -->
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>${NEO4J_VERSION}</version>
    </dependency>
    <dependency>
      <groupId>org.neo4j.app</groupId>
      <artifactId>neo4j-server</artifactId>
      <version>${NEO4J_VERSION}</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>${DEPENDENCY_PLUGIN_VERSION}</version>
      </plugin>
    </plugins>
  </build>
</project>
`;
}

function jarsReady() {
  try {
    return (
      fs.readFileSync(paths.libMarker, 'utf8').trim() === NEO4J_VERSION &&
      fs.readdirSync(paths.lib).some((name) => name === `neo4j-${NEO4J_VERSION}.jar`)
    );
  } catch {
    return false;
  }
}

/** Resolve the server's jars into .neo4j/lib with Maven; does nothing when they are there. */
export async function ensureJars() {
  if (jarsReady()) return false;
  fs.mkdirSync(HOME, { recursive: true });
  fs.writeFileSync(paths.pom, pomXml());
  const staging = path.join(HOME, 'lib.partial');
  fs.rmSync(staging, { recursive: true, force: true });
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  say(
    `resolving the jars of Neo4j ${NEO4J_VERSION} with Maven into ${path.relative(ROOT, paths.lib)}/ ` +
      '(first run: downloads ~125 MB into ~/.m2, typically 1-3 minutes)...',
  );
  const started = Date.now();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(
      mvn,
      [
        '-B',
        '-q',
        '-Dstyle.color=never',
        '-f',
        paths.pom,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${staging}`,
        '-DincludeScope=runtime',
      ],
      { cwd: HOME, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Maven 3.8 prints stray colour codes even in batch mode: pass on only lines with text.
    const forward = (chunk) => {
      const text = chunk.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '');
      for (const line of text.split('\n')) if (line.trim()) process.stderr.write(`[mvn] ${line}\n`);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', (error) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('Maven (mvn) was not found on PATH: it is needed once to fetch the Neo4j jars (apt-get install maven)')
          : error,
      ),
    );
    child.on('exit', (exitCode, signal) => resolve(signal ? 128 : exitCode));
  });
  if (code !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`Maven could not resolve Neo4j ${NEO4J_VERSION} (mvn exited ${code}); see its output above`);
  }
  fs.writeFileSync(path.join(staging, '.resolved'), `${NEO4J_VERSION}\n`);
  fs.rmSync(paths.lib, { recursive: true, force: true });
  fs.renameSync(staging, paths.lib);
  const count = fs.readdirSync(paths.lib).filter((name) => name.endsWith('.jar')).length;
  say(`resolved ${count} jars in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// configuration

function configText(s) {
  const lines = [
    `# Generated by scripts/neo4j.mjs on every start: edit the script (or the environment), not this file.`,
    `# Neo4j ${NEO4J_VERSION} community, local development/CI server.`,
    '',
    '# Network: loopback only. Bolt from NEO4J_BOLT_PORT; HTTP only when NEO4J_HTTP_PORT is set.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${s.port}`,
    `server.bolt.advertised_address=127.0.0.1:${s.port}`,
    'server.bolt.tls_level=DISABLED',
    s.httpPort ? 'server.http.enabled=true' : 'server.http.enabled=false',
    ...(s.httpPort ? [`server.http.listen_address=127.0.0.1:${s.httpPort}`] : []),
    'server.https.enabled=false',
    '',
    '# Files: everything under .neo4j/',
    `server.directories.data=${paths.data}`,
    `server.directories.logs=${paths.logs}`,
    `server.directories.run=${paths.run}`,
    `server.directories.lib=${paths.lib}`,
    `server.directories.plugins=${path.join(HOME, 'plugins')}`,
    `server.directories.import=${path.join(HOME, 'import')}`,
    `server.directories.licenses=${path.join(HOME, 'licenses')}`,
    '',
    '# Memory (the JVM gets the same heap as -Xms/-Xmx: this script launches java itself).',
    `server.memory.heap.initial_size=${s.heap}`,
    `server.memory.heap.max_size=${s.heap}`,
    `server.memory.pagecache.size=${s.pagecache}`,
    '',
    '# Transaction logs: not preallocated (256 MB per database otherwise), smaller files, capped.',
    'db.tx_log.preallocate=false',
    'db.tx_log.rotation.size=64M',
    'db.tx_log.rotation.retention_policy=512M size',
    '',
    '# Security: auth on; the password of user neo4j is set before the first start (set-initial-password).',
    'dbms.security.auth_enabled=true',
    `initial.dbms.default_database=${s.database}`,
    '',
    '# No phoning home (the machines reach no such host anyway).',
    'dbms.usage_report.enabled=false',
    '',
    '# Stop in ~2 s instead of ~12 s: Bolt otherwise waits 5 s twice for its idle event loops.',
    'internal.server.bolt.thread_pool_shutdown_wait_time=1s',
    'internal.server.bolt.connection_shutdown_wait_time=1s',
    '',
  ];
  return lines.join('\n');
}

function writeConfig(s) {
  for (const dir of [paths.conf, paths.data, paths.logs, paths.run]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(paths.confFile, configText(s));
}

function serverEnv() {
  return { ...process.env, NEO4J_HOME: HOME, NEO4J_CONF: paths.conf };
}

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Before the very first start, set the password of user neo4j with the admin tool's Java entry point. */
function setInitialPassword(s, java) {
  if (fs.existsSync(paths.systemDb)) {
    let stored = null;
    try {
      stored = fs.readFileSync(paths.passwordMarker, 'utf8').trim();
    } catch {
      /* data from an older run of this script */
    }
    if (stored && stored !== sha256(s.password)) {
      say(
        'warning: NEO4J_PASSWORD differs from the password that .neo4j/data was created with; the server keeps ' +
          'the old one (change it with ALTER CURRENT USER SET PASSWORD, or stop and delete .neo4j/data to start afresh)',
      );
    }
    return;
  }
  if (s.user !== 'neo4j') {
    say(`warning: NEO4J_USER=${s.user}: only the password of the built-in user neo4j is set by this script`);
  }
  if (s.password.length < 8) throw new Error('NEO4J_PASSWORD must be at least 8 characters (Neo4j refuses shorter ones)');
  const result = spawnSync(
    java,
    ['-Xmx256m', '-cp', path.join(paths.lib, '*'), ADMIN_TOOL, 'dbms', 'set-initial-password', s.password],
    { cwd: HOME, env: serverEnv(), encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`setting the initial password failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  fs.writeFileSync(paths.passwordMarker, `${sha256(s.password)}\n`);
}

function jvmArguments(s) {
  return [
    `-Xms${s.heap}`,
    `-Xmx${s.heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+ExitOnOutOfMemoryError',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '-cp',
    path.join(paths.lib, '*'),
    ENTRY_POINT,
    `--home-dir=${HOME}`,
    `--config-dir=${paths.conf}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// start lock (two `start`s at once must not launch two servers)

async function withStartLock(timeoutMs, fn) {
  fs.mkdirSync(HOME, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(paths.lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let holder = 0;
      let age = Infinity;
      try {
        holder = Number(fs.readFileSync(paths.lock, 'utf8').trim());
        age = Date.now() - fs.statSync(paths.lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      // An empty lock younger than 5 s is one being written right now.
      if ((!holder && age > 5000) || (holder && !alive(holder))) {
        fs.rmSync(paths.lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another start (pid ${holder}) holds ${paths.lock}`);
      if (!told) say(`waiting for another start (pid ${holder}) to finish...`);
      told = true;
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(paths.lock, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// readiness

async function waitUntilReady(s, pid, deadline) {
  let handshake = false;
  while (!handshake) {
    if (!alive(pid)) throw new Error(`the Neo4j server (pid ${pid}) exited during start-up${serverLogTail()}`);
    if (Date.now() > deadline) break;
    handshake = await boltHandshake(s.port);
    if (!handshake) await sleep(500);
  }
  if (!handshake) {
    throw new Error(
      `Neo4j did not answer Bolt on 127.0.0.1:${s.port} within ${s.startTimeoutMs / 1000} s ` +
        `(the server, pid ${pid}, is left running: npm run db:stop)${serverLogTail()}`,
    );
  }
  const neo4j = await loadDriver();
  if (!neo4j) return 'bolt handshake (neo4j-driver not installed, credentials not checked)';
  const driver = neo4j.driver(s.uri, neo4j.auth.basic(s.user, s.password), {
    connectionTimeout: 5000,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    let lastError = null;
    while (Date.now() <= deadline) {
      if (!alive(pid)) throw new Error(`the Neo4j server (pid ${pid}) exited during start-up${serverLogTail()}`);
      try {
        await driver.executeQuery('RETURN 1 AS ok', {}, { database: s.database });
        return `RETURN 1 as ${s.user} on database ${s.database}`;
      } catch (error) {
        if (/Security\.(Unauthorized|AuthenticationRateLimit|CredentialsExpired)/.test(error.code ?? '')) {
          throw new Error(
            `Neo4j is up (pid ${pid}, left running) but refuses ${s.user}/NEO4J_PASSWORD: ${error.message}\n` +
              'The password is set only when .neo4j/data is first created. Use that password, or run ' +
              '`npm run db:stop`, delete .neo4j/data and start again (this deletes the local graph).',
          );
        }
        if (/Database\.DatabaseNotFound/.test(error.code ?? '')) {
          throw new Error(
            `Neo4j is up (pid ${pid}, left running) but has no database "${s.database}": ${error.message}\n` +
              'NEO4J_DATABASE names the default database only when .neo4j/data is first created (community ' +
              'edition has one user database). Use the existing name, or stop, delete .neo4j/data and start again.',
          );
        }
        lastError = error;
        await sleep(500);
      }
    }
    throw new Error(
      `Neo4j answers Bolt but the database "${s.database}" did not answer within ${s.startTimeoutMs / 1000} s: ` +
        `${lastError?.message ?? 'no answer'}${serverLogTail()}`,
    );
  } finally {
    await driver.close();
  }
}

// ---------------------------------------------------------------------------------------------
// commands

/**
 * Start the server (resolving its jars first if needed) and wait until it answers.
 * Resolves { uri, pid, alreadyRunning, seconds }; rejects with a readable Error.
 */
export async function start() {
  const s = settings();
  if (s.configuredUri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(s.configuredUri)) {
    say(`note: NEO4J_URI=${s.configuredUri} is not local; this starts the local server on ${s.uri} regardless`);
  }
  const began = Date.now();
  return withStartLock(s.startTimeoutMs + 600_000, async () => {
    const running = readPid();
    if (isOurServer(running)) {
      const port = configuredPort() ?? s.port;
      if (port !== s.port) {
        throw new Error(
          `the server (pid ${running}) is already running on port ${port}, not ${s.port}: ` +
            'stop it first (npm run db:stop) to change NEO4J_BOLT_PORT',
        );
      }
      const ready = await boltHandshake(s.port);
      if (!ready) say(`the server (pid ${running}) is running but not (yet) answering Bolt on port ${s.port}`);
      return { uri: s.uri, pid: running, alreadyRunning: true, seconds: 0 };
    }
    if (running) fs.rmSync(paths.pid, { force: true }); // stale
    if (await portTaken(s.port)) {
      throw new Error(
        `port ${s.port} on 127.0.0.1 is already in use by a process this script did not start ` +
          `(another Neo4j?). Stop it, or choose another port with NEO4J_BOLT_PORT.`,
      );
    }
    const java = javaCommand();
    checkJava(java);
    await ensureJars();
    writeConfig(s);
    setInitialPassword(s, java);

    say(`starting Neo4j ${NEO4J_VERSION} (heap ${s.heap}, page cache ${s.pagecache}) on ${s.uri}...`);
    logOffsets.neo4jLog = fileSize(paths.neo4jLog);
    logOffsets.consoleLog = fileSize(paths.consoleLog);
    const out = fs.openSync(paths.consoleLog, 'a');
    const child = spawn(java, jvmArguments(s), {
      cwd: HOME,
      env: serverEnv(),
      detached: true,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    const spawnError = await new Promise((resolve) => {
      child.once('error', resolve);
      child.once('spawn', () => resolve(null));
    });
    if (spawnError) throw new Error(`could not launch ${java}: ${spawnError.message}`);
    child.unref();
    fs.writeFileSync(paths.pid, `${child.pid}\n`);

    const serverBegan = Date.now();
    let how;
    try {
      how = await waitUntilReady(s, child.pid, serverBegan + s.startTimeoutMs);
    } catch (error) {
      if (!alive(child.pid)) fs.rmSync(paths.pid, { force: true });
      throw error;
    }
    const seconds = (Date.now() - began) / 1000;
    say(`ready in ${((Date.now() - serverBegan) / 1000).toFixed(1)} s (pid ${child.pid}; checked: ${how})`);
    return { uri: s.uri, pid: child.pid, alreadyRunning: false, seconds };
  });
}

/**
 * Stop the server from the pid file: SIGTERM, then SIGKILL after `timeoutMs`.
 * Resolves { wasRunning, pid, killed }.
 */
export async function stop({ timeoutMs = 60_000 } = {}) {
  const pid = readPid();
  if (!isOurServer(pid)) {
    fs.rmSync(paths.pid, { force: true });
    return { wasRunning: false, pid: null, killed: false };
  }
  say(`stopping Neo4j (pid ${pid})...`);
  try {
    process.kill(pid, 'SIGTERM');
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  let killed = false;
  if (alive(pid)) {
    say(`still running after ${timeoutMs / 1000} s: SIGKILL`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
    killed = true;
    const killDeadline = Date.now() + 10_000;
    while (alive(pid) && Date.now() < killDeadline) await sleep(100);
  }
  fs.rmSync(paths.pid, { force: true });
  return { wasRunning: true, pid, killed };
}

/**
 * Bulk load: replaces the local server's database with the graph in these CSV files (written by
 * src/graph/neo4j/bulk.ts) using the admin tool's offline importer, far faster than transactions.
 * The server is stopped for it and started again afterwards. Everything in the database is lost,
 * so the caller asks first. Resolves { seconds, importSeconds, uri, report } (report: the
 * importer's closing lines); rejects with the importer's output when it fails.
 */
export async function importCsv({ nodes, relationships }) {
  const s = settings();
  const began = Date.now();
  const java = javaCommand();
  checkJava(java);
  await ensureJars();
  await stop();
  // The importer reads the same configuration (data directory, database) as the server.
  writeConfig(s);
  setInitialPassword(s, java);
  say(`importing into database "${s.database}" (the server is stopped meanwhile)...`);
  const importBegan = Date.now();
  const args = [
    '-Xmx1g',
    '-cp',
    path.join(paths.lib, '*'),
    ADMIN_TOOL,
    'database',
    'import',
    'full',
    s.database,
    '--overwrite-destination=true',
    '--multiline-fields=true',
    '--array-delimiter=U+001F',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    // A document's findings are one property: room for a very large plan's.
    '--read-buffer-size=32m',
    `--report-file=${path.join(paths.logs, 'import.report')}`,
    ...nodes.map((file) => `--nodes=${file}`),
    ...relationships.map((file) => `--relationships=${file}`),
  ];
  const result = spawnSync(java, args, { cwd: HOME, env: serverEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    throw new Error(
      `the import failed (exit ${result.status}); the server stays stopped and its database may be empty or partial ` +
        `(run the import again, or start the server with npm run db:start). Importer output:\n${output.split('\n').slice(-30).join('\n')}`,
    );
  }
  const importSeconds = (Date.now() - importBegan) / 1000;
  const report = output
    .split('\n')
    .filter((line) => /IMPORT DONE|Imported:|^\s+\d+ (nodes|relationships|properties)|Peak memory/.test(line))
    .map((line) => line.trim());
  const started = await start();
  return { seconds: (Date.now() - began) / 1000, importSeconds, uri: started.uri, report };
}

/**
 * Empties the database in seconds, whatever it holds: stops the server, removes the database's
 * store and transaction files (the system database, users and password stay), starts it again —
 * Neo4j recreates the database empty. Deleting millions of edges with Cypher takes minutes
 * (tests that clear the database after a 100k benchmark time out). Resolves what `start` does.
 */
export async function reset() {
  const s = settings();
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(s.database) || s.database === 'system') throw new Error(`refusing to reset database ${JSON.stringify(s.database)}`);
  await stop();
  for (const dir of ['databases', 'transactions']) fs.rmSync(path.join(paths.data, dir, s.database), { recursive: true, force: true });
  say(`database "${s.database}" emptied`);
  return start();
}

/** Resolves { running, answering, pid, uri, version }. */
export async function status() {
  const s = settings();
  const pid = readPid();
  const running = isOurServer(pid);
  const port = (running && configuredPort()) || s.port;
  const answering = running ? await boltHandshake(port) : false;
  return { running, answering, pid: running ? pid : null, uri: `bolt://127.0.0.1:${port}`, version: NEO4J_VERSION };
}

// ---------------------------------------------------------------------------------------------
// command line

async function main(argv) {
  const command = argv[0];
  try {
    if (command === 'start') {
      const result = await start();
      if (result.alreadyRunning) say(`already running (pid ${result.pid})`);
      process.stdout.write(`${result.uri}\n`);
      return 0;
    }
    if (command === 'stop') {
      const result = await stop();
      if (!result.wasRunning) say('not running');
      else say(`stopped (pid ${result.pid}${result.killed ? ', killed' : ''})`);
      return 0;
    }
    if (command === 'reset') {
      const result = await reset();
      process.stdout.write(`${result.uri}\n`);
      return 0;
    }
    if (command === 'status') {
      const result = await status();
      if (result.running) {
        const state = result.answering ? 'running' : 'running (not answering Bolt yet)';
        process.stdout.write(`${state}\npid: ${result.pid}\nuri: ${result.uri}\nversion: Neo4j ${result.version}\n`);
        return 0;
      }
      process.stdout.write(`not running\nuri: ${result.uri}\n`);
      return 3;
    }
    process.stderr.write('usage: node scripts/neo4j.mjs start|stop|status|reset\n');
    return 2;
  } catch (error) {
    process.stderr.write(`[neo4j] error: ${error.message}\n`);
    return 1;
  }
}

const invokedDirectly = (() => {
  if (!process.argv[1]) return false;
  try {
    return pathToFileURL(fs.realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
