// The command line: `cancu check | extract | ingest | serve | demo | query | db`. `main()` takes
// its arguments and streams as parameters and returns the exit code (0 clean, 1 findings that
// fail the run, 2 usage or input failure); bin.ts only sets process.exitCode. Commands load
// their modules lazily so that `cancu check` starts fast.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

export interface MainParams {
  argv: string[];
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** The package root (where package.json is), from the compiled or the source location. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

function version(): string {
  try {
    return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const isoDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('ngày phải có dạng YYYY-MM-DD');
  return v;
};
const nonNegative = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('phải là số nguyên không âm');
  return n;
};
const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('phải là số nguyên từ 1 đến 64');
  return n;
};
const depthArg = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 10) throw new InvalidArgumentError('độ sâu phải từ 1 đến 10');
  return n;
};

export async function main(params: MainParams): Promise<number> {
  const { stdout, stderr } = params;
  const cwd = params.cwd ?? process.cwd();
  const env = params.env ?? process.env;
  let code = 0;
  const program = new Command();
  program
    .name('cancu')
    .description('Kiểm tra và kết nối các văn bản được dẫn trong kế hoạch hành chính (căn cứ).')
    .version(version(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void stdout.write(s), writeErr: (s) => void stderr.write(s) })
    .showHelpAfterError();
  const lang = () => new Option('--lang <lang>', 'ngôn ngữ thông báo').choices(['vi', 'en']).default('vi');
  /** Files, folders and globs → files; says which inputs matched nothing. */
  const expand = async (paths: string[], language: 'vi' | 'en') => {
    const { expandPaths } = await import('./paths.js');
    const ex = await expandPaths(paths, cwd);
    for (const m of ex.missing) stderr.write(language === 'en' ? `No file matches "${m}".\n` : `Không tìm thấy tệp nào khớp với "${m}".\n`);
    return ex;
  };

  program
    .command('check')
    .description('kiểm tra các trích dẫn trong dự thảo (tệp, thư mục, mẫu glob)')
    .argument('<paths...>')
    .addOption(new Option('-f, --format <format>', 'định dạng kết quả').choices(['stylish', 'json', 'sarif']).default('stylish'))
    .option('--date <YYYY-MM-DD>', 'xét hiệu lực tại ngày này (mặc định: ngày của văn bản)', isoDate)
    .option('--max-warnings <n>', 'thoát với mã 1 khi số cảnh báo vượt quá n', nonNegative)
    .addOption(new Option('--preset <name>', 'bộ quy tắc').choices(['recommended', 'strict']).default('recommended'))
    .option('--fix', 'sửa ngay trong tệp (.txt, .md) các lỗi viết sửa được máy móc, rồi báo những gì còn lại')
    .addOption(lang())
    .action(async (paths: string[], o) => {
      const { check } = await import('./commands/check.js');
      const ex = await expand(paths, o.lang);
      if (!ex.files.length) {
        code = 2;
        return;
      }
      code = await check(ex.files, {
        format: o.format,
        date: o.date ?? null,
        maxWarnings: o.maxWarnings ?? null,
        lang: o.lang,
        preset: o.preset,
        cwd,
        color: Boolean(stdout.isTTY) && !env.NO_COLOR,
        stdout,
        stderr,
        version: version(),
        env,
        fix: Boolean(o.fix),
      });
      if (ex.missing.length) code = 2;
    });

  program
    .command('extract')
    .description('liệt kê các văn bản được dẫn trong từng tệp')
    .argument('<paths...>')
    .addOption(new Option('-f, --format <format>', 'định dạng').choices(['json', 'text']).default('text'))
    .addOption(lang())
    .action(async (paths: string[], o) => {
      const { extract } = await import('./commands/extract.js');
      const ex = await expand(paths, o.lang);
      if (!ex.files.length) {
        code = 2;
        return;
      }
      code = await extract(ex.files, { format: o.format, cwd, lang: o.lang, stdout, stderr });
      if (ex.missing.length) code = 2;
    });

  program
    .command('ingest')
    .description('nạp kế hoạch vào đồ thị (Neo4j khi có NEO4J_URI, nếu không thì kho nhúng .cancu/)')
    .argument('<paths...>')
    .addOption(new Option('-f, --format <format>', 'định dạng tóm tắt').choices(['text', 'json']).default('text'))
    .option('--batch-size <n>', 'số văn bản mỗi lần ghi', nonNegative, 500)
    .option('--force', 'ghi lại cả tệp không đổi')
    .option('-j, --jobs <n>', 'số luồng phân tích song song (mặc định: số lõi trừ 1, tối đa 8, khi máy có từ 4 lõi và từ 32 tệp)', positive)
    .addOption(lang())
    .action(async (paths: string[], o) => {
      const { ingestCommand } = await import('./commands/ingest.js');
      code = await ingestCommand(paths, { ...o, cwd, env, stdout, stderr });
    });

  program
    .command('serve')
    .description('chạy API HTTP')
    .option('-p, --port <port>', 'cổng', nonNegative)
    .option('--host <host>', 'địa chỉ lắng nghe')
    .action(async (o) => {
      const { serve } = await import('./commands/serve.js');
      await serve({ port: o.port, host: o.host, stdout, stderr, env });
      code = -1; // keep running
    });

  program
    .command('demo')
    .description('nạp fixtures/plans vào kho nhúng và chạy API (npm start)')
    .option('-p, --port <port>', 'cổng', nonNegative)
    .action(async (o) => {
      // Always the embedded store: the demo never writes the seed plans into a configured Neo4j.
      const { demo } = await import('./commands/serve.js');
      await demo({ port: o.port, stdout, stderr, env });
      code = -1;
    });

  program
    .command('query')
    .description('truy vấn phả hệ: implementers | basis | lineage; cơ quan ban hành và cơ quan kế thừa: issuer')
    .addArgument(new (await import('commander')).Argument('<kind>').choices(['implementers', 'basis', 'lineage', 'issuer']))
    .argument('<ref>', 'khóa chuẩn hoặc trích dẫn, ví dụ "Đề án 15-ĐA/TU"; với issuer: khóa (hoa-binh.lac-thuy:ubnd) hoặc tên ("UBND huyện Lạc Thủy")')
    .option('--depth <n>', 'độ sâu (1–10)', depthArg)
    .addOption(new Option('-f, --format <format>', 'định dạng').choices(['text', 'json']).default('text'))
    .action(async (kind, ref: string, o) => {
      if (kind === 'issuer') {
        const { queryIssuer } = await import('./commands/query-issuer.js');
        code = await queryIssuer(ref, { format: o.format, stdout, stderr });
        return;
      }
      const { query } = await import('./commands/query.js');
      code = await query(kind, ref, { depth: o.depth, format: o.format, stdout, stderr });
    });

  program
    .command('db')
    .description('máy chủ Neo4j cục bộ: start | stop | status; import: nạp kho nhúng vào Neo4j (thay toàn bộ cơ sở dữ liệu)')
    .addArgument(new (await import('commander')).Argument('<action>').choices(['start', 'stop', 'status', 'import']))
    .option('--from <dir>', 'import: thư mục dữ liệu của kho nhúng (mặc định CANCU_DATA_DIR hoặc .cancu)')
    .option('--yes', 'import: xác nhận thay toàn bộ cơ sở dữ liệu Neo4j', false)
    .addOption(new Option('-f, --format <format>', 'import: định dạng bản tóm tắt').choices(['text', 'json']).default('text'))
    .action(async (action: 'start' | 'stop' | 'status' | 'import', o: { from?: string; yes: boolean; format: 'text' | 'json' }) => {
      if (action === 'import') {
        const { dbImport } = await import('./commands/db-import.js');
        const from = o.from ?? (env.CANCU_DATA_DIR?.trim() || '.cancu');
        code = (await dbImport({ from, yes: o.yes, format: o.format, root: packageRoot(), env, stdout, stderr })).code;
        return;
      }
      const script = pathToFileURL(join(packageRoot(), 'scripts/neo4j.mjs')).href;
      const mod = await import(script);
      try {
        if (action === 'start') {
          const r = await mod.start();
          stdout.write(`${r.uri}\n`);
        } else if (action === 'stop') {
          const r = await mod.stop();
          stdout.write(r.wasRunning ? `Đã dừng Neo4j (pid ${r.pid}).\n` : 'Neo4j không chạy.\n');
        } else {
          const r = await mod.status();
          stdout.write(r.running ? `Neo4j ${r.version} đang chạy (pid ${r.pid}) tại ${r.uri}${r.answering ? '' : ' — chưa trả lời Bolt'}\n` : `Neo4j không chạy (${r.uri}).\n`);
          code = r.running ? 0 : 3;
        }
      } catch (err) {
        stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
        code = 2;
      }
    });

  try {
    await program.parseAsync(params.argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    const e = err as Error & { messageEn?: string };
    stderr.write(`cancu: ${e.message ?? String(err)}\n`);
    return 2;
  }
  return code;
}
