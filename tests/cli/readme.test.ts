// The README and docs/ say what the product does: their examples run here with the real bin and
// must answer what they say; the paths and parameters they name must exist.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { querySchemaOf } from '../../src/http/endpoint.js';
import { routing } from '../../src/http/routes.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/src/cli/cancu.cjs');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const doc = (name: string) => readFileSync(join(root, 'docs', name), 'utf8');

let dataDir: string;
function cancu(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NEO4J_URI: '', CANCU_DATA_DIR: dataDir } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `npx cancu …` lines of the README's code blocks, as argument lists (quotes and trailing comments removed). */
function readmeCommands(prefix: string): string[][] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks
    .flatMap((block) => block.split('\n'))
    .filter((line) => line.startsWith(`npx cancu ${prefix}`))
    .map((line) => {
      const code = line.replace(/\s+#.*$/, '');
      return [...code.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!).slice(2);
    });
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('dist/src/cli/cancu.cjs is missing: run `npm run build` (npm test does it)');
  dataDir = mkdtempSync(join(tmpdir(), 'cancu-readme-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('README examples', () => {
  it('the stylish lines shown are what cancu check prints for that file', () => {
    const block = /```\n(fixtures\/plans\/\S+\.txt)\n([\s\S]*?)```/.exec(readme);
    expect(block, 'the README shows a stylish example').toBeTruthy();
    const [, file, shown] = block!;
    const printed = cancu(['check', file!]).stdout.split('\n');
    const lines = shown!.split('\n').filter((line) => line.trim());
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(printed, line).toContain(line);
  });

  it('the graph examples answer: ingest, then every query line returns results', () => {
    const ingest = readmeCommands('ingest').find((args) => args.join(' ') === 'ingest fixtures/plans');
    expect(ingest).toBeTruthy();
    const ingested = cancu(ingest!);
    expect(ingested.code, ingested.stderr).toBe(0);

    const queries = readmeCommands('query');
    expect(queries.map((args) => args[1])).toEqual(['implementers', 'basis', 'issuer']);
    for (const args of queries) {
      const r = cancu(args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
      if (args.includes('json')) expect(JSON.parse(r.stdout).results.length).toBeGreaterThan(0);
      else if (args[0] === 'query' && args[1] !== 'issuer') expect(r.stdout).toMatch(/: [1-9]\d* kết quả/);
      else expect(r.stdout).toContain('Cơ quan kế thừa');
    }
  });

  it('the configuration example is a valid configuration', () => {
    const json = /```json\n(\{[^`]*\})\n```/.exec(readme);
    expect(json).toBeTruthy();
    const rules = JSON.parse(json![1]!).rules as Record<string, string>;
    expect(Object.keys(rules).length).toBeGreaterThan(0);
  });
});

describe('docs', () => {
  it('docs/api.md lists every query parameter of every GET endpoint', () => {
    const api = doc('api.md');
    for (const [path, methods] of Object.entries(routing)) {
      const endpoint = methods.get;
      if (!endpoint?.input.query) continue;
      const row = api.split('\n').find((line) => line.startsWith(`| GET | \`${path}?`));
      expect(row, `docs/api.md has a row for GET ${path}`).toBeTruthy();
      for (const name of Object.keys(querySchemaOf(endpoint).shape).filter((key) => key !== 'lang')) expect(row, `GET ${path} ${name}`).toContain(`${name}=`);
    }
  });

  it('docs/api.md does not promise that cancu serve ingests paths', () => {
    expect(doc('api.md')).not.toMatch(/serve[^\n]*optionally ingests/);
    const r = spawnSync(process.execPath, [bin, 'serve', 'fixtures/plans'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
  });

  it('the repository paths docs/ and the README name exist, and none is outside the repository', () => {
    const texts = { 'README.md': readme, ...Object.fromEntries(['api.md', 'registry.md', 'configuration.md', 'documents.md', 'graph.md', 'neo4j.md', 'extraction.md'].map((name) => [`docs/${name}`, doc(name)])) };
    for (const [name, text] of Object.entries(texts)) {
      expect(text, name).not.toMatch(/`\.\.\/[^`]*`/);
      for (const [, path] of text.matchAll(/`((?:src|fixtures|scripts|tests|ingest|queries|docs)\/[^`\s<>…*{}]+)`/g)) {
        const plain = path!.replace(/[:#].*$/, '');
        expect(existsSync(join(root, plain)), `${name} names ${plain}`).toBe(true);
      }
    }
  });
});
