// The command line: `cancu check | extract | ingest | serve | demo | query | db`. `main()` takes
// its arguments and streams as parameters and returns the exit code (0 clean, 1 findings that
// fail the run, 2 usage or input failure); bin.ts only sets process.exitCode. Commands load
// their modules lazily so that `cancu check` starts fast.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError, Help, Option } from 'commander';
import { DOCUMENT_EXTENSIONS } from '../documents/formats.js';
import type { Lang } from '../model/schemas.js';

/** The extensions read, for the help (the format registry's list). */
const READ_EXTENSIONS = DOCUMENT_EXTENSIONS.join(' ');

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

/** The zod schemas of src/service/values.ts an option value is parsed with (the API's own where it has one). */
type ValueSchema = 'countValue' | 'jobsValue' | 'depthValue' | 'portValue';

interface ValueOption {
  /** The option's key in commander's values ("maxWarnings"). */
  key: string;
  /** As the help writes it ("--max-warnings <n>"). */
  flags: string;
  schema: ValueSchema;
  /** What the value must be, Vietnamese and English. */
  vi: string;
  en: string;
}

const VALUE_OPTIONS: Record<string, ValueOption> = {
  maxWarnings: { key: 'maxWarnings', flags: '--max-warnings <n>', schema: 'countValue', vi: 'phải là số nguyên không âm.', en: 'must be a whole number, 0 or more.' },
  batchSize: { key: 'batchSize', flags: '--batch-size <n>', schema: 'countValue', vi: 'phải là số nguyên không âm.', en: 'must be a whole number, 0 or more.' },
  jobs: { key: 'jobs', flags: '-j, --jobs <n>', schema: 'jobsValue', vi: 'phải là số nguyên từ 1 đến 64.', en: 'must be a whole number from 1 to 64.' },
  depth: { key: 'depth', flags: '--depth <n>', schema: 'depthValue', vi: 'độ sâu phải từ 1 đến 10.', en: 'the depth must be from 1 to 10.' },
  port: {
    key: 'port',
    flags: '-p, --port <port>',
    schema: 'portValue',
    vi: 'cổng phải là số từ 0 đến 65535 (0: một cổng trống bất kỳ).',
    en: 'the port must be a number from 0 to 65535 (0: any free port).',
  },
};

/**
 * Parses the value options given to `command` in place with their zod schemas (loaded only when
 * one is given: `cancu check` without them does not load zod). A bad value is said in one line,
 * as commander says its own usage errors, with the pointer to the command's help; false then.
 */
async function parseValueOptions(command: string, o: Record<string, unknown>, lang: Lang, stderr: MainParams['stderr']): Promise<boolean> {
  const given = Object.values(VALUE_OPTIONS).filter((spec) => typeof o[spec.key] === 'string');
  if (given.length === 0) return true;
  const values = await import('../service/values.js');
  for (const spec of given) {
    const raw = o[spec.key] as string;
    const parsed = values.parseValue<number>(values[spec.schema], raw);
    if (parsed !== null) {
      o[spec.key] = parsed;
      continue;
    }
    stderr.write(
      lang === 'en'
        ? `error: option '${spec.flags}' argument '${raw}' is invalid. ${spec.en}\nRun "cancu ${command} --help" for its usage.\n`
        : `lỗi: giá trị "${raw}" của tùy chọn ${spec.flags} không hợp lệ; ${spec.vi}\nXem cách dùng: cancu ${command} --help\n`,
    );
    return false;
  }
  return true;
}

/** The language asked for anywhere on the command line (--lang en / --lang=en), for messages printed before the options are parsed. */
export function langOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'vi';
}

const ARGUMENT_NAMES: Record<string, string> = { paths: 'đường dẫn', kind: 'loại câu hỏi', ref: 'văn bản', action: 'việc cần làm' };

/**
 * Commander's own errors, said in Vietnamese (the regexes are anchored and each has one lazy
 * group before a literal: linear). English keeps commander's wording with its "error:" prefix.
 */
export function translateCommanderError(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  const choices = (rest: string) => rest.replace(/Allowed choices are (.*)\.$/, 'chỉ nhận: $1.');
  const suggestion = (rest: string | undefined) => (rest ? ` (có phải ${rest}?)` : '');
  let m: RegExpExecArray | null;
  if ((m = /^error: unknown option '([^']*)'(?:\n\(Did you mean ([^?]*)\?\))?/.exec(message))) return `lỗi: không có tùy chọn ${m[1]}${suggestion(m[2])}.`;
  if ((m = /^error: unknown command '([^']*)'(?:\n\(Did you mean ([^?]*)\?\))?/.exec(message))) return `lỗi: không có lệnh "${m[1]}"${suggestion(m[2])}.`;
  if ((m = /^error: missing required argument '([^']*)'/.exec(message))) return `lỗi: thiếu ${ARGUMENT_NAMES[m[1]!] ?? m[1]}.`;
  if ((m = /^error: option '([^']*)' argument missing/.exec(message))) return `lỗi: tùy chọn ${m[1]} cần một giá trị.`;
  if ((m = /^error: option '([^']*)' argument '([^']*)' is invalid\. ?(.*)$/s.exec(message))) return `lỗi: giá trị "${m[2]}" của tùy chọn ${m[1]} không hợp lệ; ${choices(m[3]!.trim())}`;
  if ((m = /^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\. ?(.*)$/s.exec(message)))
    return `lỗi: "${m[1]}" không phải ${ARGUMENT_NAMES[m[2]!] ?? m[2]} hợp lệ; ${choices(m[3]!.trim())}`;
  if ((m = /^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./.exec(message)))
    return `lỗi: thừa đối số${m[1] ? ` cho lệnh ${m[1]}` : ''}: lệnh nhận ${m[2]} đối số, nhưng được ${m[3]}.`;
  return message.replace(/^error:/, 'lỗi:');
}

const TITLES: Record<string, string> = { 'Usage:': 'Cách dùng:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Arguments:': 'Đối số:', 'Global Options:': 'Tùy chọn chung:' };
const vietnameseHelp = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  styleUsage: (usage: string) => usage.replace('[options]', '[tùy chọn]').replace('[command]', '[lệnh]'),
  subcommandTerm: (cmd: Command) => Help.prototype.subcommandTerm.call(new Help(), cmd).replace('[options]', '[tùy chọn]'),
  optionDescription: (option: Option) => Help.prototype.optionDescription.call(new Help(), option).replace('(choices: ', '(chọn: ').replace(/([(,] )?default: /, '$1mặc định: '),
  argumentDescription: (argument: import('commander').Argument) =>
    Help.prototype.argumentDescription.call(new Help(), argument).replace('(choices: ', '(chọn: ').replace(/([(,] )?default: /, '$1mặc định: '),
};

const EXIT_CODES = `
Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc nhiều cảnh báo hơn --max-warnings; với query: không tìm thấy
văn bản); 2 sai cách dùng, tệp không đọc được hoặc kho dữ liệu không dùng được.`;

const EXAMPLES: Record<string, string> = {
  cancu: `
Ví dụ:
  cancu check du-thao/                        kiểm tra mọi tệp đọc được trong thư mục (${READ_EXTENSIONS})
  cancu check ke-hoach.docx --date 2024-08-01 xét hiệu lực tại ngày 01/8/2024
  cancu ingest fixtures/plans                 nạp kế hoạch vào đồ thị
  cancu query basis fixtures/plans/003_06262491b62869cd.txt --depth 5
  cancu <lệnh> --help                         cách dùng một lệnh
${EXIT_CODES}`,
  check: `
Ví dụ:
  cancu check du-thao/
  cancu check 'du-thao/**/*.md' --format sarif > cancu.sarif
  cancu check ke-hoach.txt --date 2024-08-01 --max-warnings 0
  cancu check ke-hoach.txt --config cancu.config.json

Cấu hình: tệp .cancurc.json hoặc cancu.config.json gần nhất (tìm từ thư mục của tệp lên trên),
ví dụ {"rules": {"citation-missing-so": "off", "can-cu-order": "error"}} — xem docs/configuration.md.
Mã thoát: 0 không có lỗi; 1 có lỗi hoặc nhiều cảnh báo hơn --max-warnings; 2 sai cách dùng, tệp
không đọc được (nêu tên tệp và lý do) hoặc tệp cấu hình sai.`,
  extract: `
Ví dụ:
  cancu extract ke-hoach.txt
  cancu extract ke-hoach.docx --format json | jq '.documents[0].citations | length'
Mã thoát: 0 đọc được mọi tệp; 2 sai cách dùng hoặc có tệp không đọc được.`,
  ingest: `
Ví dụ:
  cancu ingest fixtures/plans
  cancu ingest kho-van-ban/ --jobs 4 --verbose
  NEO4J_URI=bolt://127.0.0.1:7687 cancu ingest kho-van-ban/
Mã thoát: 0 nạp xong mọi tệp; 2 có tệp bị từ chối (danh sách đầy đủ với --verbose hoặc --failures <tệp>),
sai cách dùng hoặc kho dữ liệu không dùng được.`,
  serve: `
Ví dụ:
  cancu serve --port 3000
  PORT=8080 HOST=0.0.0.0 cancu serve
Mã thoát: 2 khi không mở được kho dữ liệu hoặc cổng đang bận (khi đó chọn cổng khác với --port).`,
  query: `
Ví dụ:
  cancu query implementers "Đề án 15-ĐA/TU" --format json
  cancu query basis fixtures/plans/003_06262491b62869cd.txt --depth 5   (kế hoạch đã nạp, theo tên tệp)
  cancu query issuer "UBND huyện Lạc Thủy"
Mã thoát: 0 có câu trả lời; 1 không tìm thấy hoặc có nhiều văn bản khớp; 2 kho dữ liệu không dùng được.`,
};

export async function main(params: MainParams): Promise<number> {
  const { stdout, stderr } = params;
  const cwd = params.cwd ?? process.cwd();
  const env = params.env ?? process.env;
  let code = 0;
  const argLang = langOf(params.argv);
  const program = new Command();
  program
    .name('cancu')
    .usage('<lệnh> [tùy chọn]')
    .description('Kiểm tra và kết nối các văn bản được dẫn trong kế hoạch hành chính (căn cứ).')
    .version(version(), '-v, --version', 'in số phiên bản')
    .helpOption('-h, --help', 'cách dùng')
    .helpCommand('help [lệnh]', 'cách dùng một lệnh')
    .exitOverride()
    .configureHelp(vietnameseHelp)
    .configureOutput({
      writeOut: (s) => void stdout.write(s),
      writeErr: (s) => void stderr.write(s),
      outputError: (s, write) => write(`${translateCommanderError(s.trimEnd(), argLang)}\n`),
    })
    // A usage error says what is wrong and where to read more, not the whole help again.
    .showHelpAfterError(argLang === 'en' ? 'Run "cancu --help" for the commands.' : 'Xem các lệnh: cancu --help')
    .addHelpText('after', EXAMPLES.cancu!);
  /** A subcommand with its examples and a one-line pointer to its help after a usage error. */
  const command = (name: string) =>
    program
      .command(name)
      .showHelpAfterError(argLang === 'en' ? `Run "cancu ${name} --help" for its usage.` : `Xem cách dùng: cancu ${name} --help`)
      .addHelpText('after', EXAMPLES[name] ?? '');
  /** --date: a real calendar day, parsed with the schema POST /check uses. */
  const dateOption = async (value: string | undefined, language: Lang): Promise<string | null | false> => {
    if (value === undefined) return null;
    const { isoDateValue, parseValue } = await import('../service/values.js');
    if (parseValue(isoDateValue, value) !== null) return value;
    stderr.write(
      language === 'en'
        ? `error: --date "${value}" is not a date: write an existing day as YYYY-MM-DD, e.g. 2024-08-01.\n`
        : `lỗi: --date "${value}" không phải một ngày có thật; viết theo dạng YYYY-MM-DD, ví dụ 2024-08-01.\n`,
    );
    return false;
  };
  const lang = () => new Option('--lang <lang>', 'ngôn ngữ thông báo').choices(['vi', 'en']).default('vi');
  /** Files, folders and globs → files; says which inputs matched nothing and what was skipped. */
  const expand = async (paths: string[], language: Lang) => {
    const { expandPaths, describeSkipped } = await import('../service/paths.js');
    const ex = await expandPaths(paths, cwd);
    for (const m of ex.missing) stderr.write(language === 'en' ? `No file matches "${m}".\n` : `Không tìm thấy tệp nào khớp với "${m}".\n`);
    for (const line of describeSkipped(ex, language)) stderr.write(`${line}\n`);
    if (!ex.files.length) stderr.write(language === 'en' ? 'No file to read.\n' : 'Không có tệp nào để đọc.\n');
    return ex;
  };

  command('check')
    .description('kiểm tra các trích dẫn trong dự thảo (tệp, thư mục, mẫu glob)')
    .argument('<paths...>', `tệp, thư mục hoặc mẫu glob (${READ_EXTENSIONS})`)
    .addOption(new Option('-f, --format <format>', 'định dạng kết quả').choices(['stylish', 'json', 'sarif']).default('stylish'))
    .option('--date <YYYY-MM-DD>', 'xét hiệu lực tại ngày này (mặc định: ngày của văn bản)')
    .option('--max-warnings <n>', 'thoát với mã 1 khi số cảnh báo vượt quá n')
    .addOption(new Option('--preset <name>', 'bộ quy tắc').choices(['recommended', 'strict']).default('recommended'))
    .option('-c, --config <file>', 'tệp cấu hình cho mọi tệp (mặc định: .cancurc.json / cancu.config.json gần nhất)')
    .option('--fix', 'sửa ngay trong tệp (.txt, .md) các lỗi viết sửa được máy móc, rồi báo những gì còn lại')
    .addOption(lang())
    .action(async (paths: string[], o, cmd: Command) => {
      if (!(await parseValueOptions('check', o, o.lang, stderr))) {
        code = 2;
        return;
      }
      const date = await dateOption(o.date, o.lang);
      if (date === false) {
        code = 2;
        return;
      }
      const { check } = await import('./commands/check.js');
      const ex = await expand(paths, o.lang);
      if (!ex.files.length) {
        code = 2;
        return;
      }
      code = await check(ex.files, {
        format: o.format,
        date,
        maxWarnings: o.maxWarnings ?? null,
        lang: o.lang,
        preset: o.preset,
        presetGiven: cmd.getOptionValueSource('preset') === 'cli',
        config: o.config ?? null,
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

  command('extract')
    .description('liệt kê các văn bản được dẫn trong từng tệp')
    .argument('<paths...>', `tệp, thư mục hoặc mẫu glob (${READ_EXTENSIONS})`)
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

  command('ingest')
    .description('nạp kế hoạch vào đồ thị (Neo4j khi có NEO4J_URI, nếu không thì kho nhúng .cancu/)')
    .argument('<paths...>', `tệp, thư mục hoặc mẫu glob (${READ_EXTENSIONS})`)
    .addOption(new Option('-f, --format <format>', 'định dạng tóm tắt').choices(['text', 'json']).default('text'))
    .addOption(new Option('--batch-size <n>', 'số văn bản mỗi lần ghi').default(500))
    .option('--force', 'ghi lại cả tệp không đổi')
    .option('-j, --jobs <n>', 'số luồng phân tích song song (mặc định: số lõi trừ 1, tối đa 8, khi máy có từ 4 lõi và từ 32 tệp)')
    .option('--verbose', 'liệt kê mọi tệp bị từ chối (mặc định: 5 tệp đầu)')
    .option('--failures <file>', 'ghi mọi tệp bị từ chối và lý do vào tệp JSON này')
    .addOption(lang())
    .action(async (paths: string[], o) => {
      if (!(await parseValueOptions('ingest', o, o.lang, stderr))) {
        code = 2;
        return;
      }
      // Named the same way as for check: what is skipped for its format, folders with nothing to read.
      const ex = await expand(paths, o.lang);
      if (!ex.files.length) {
        code = 2;
        return;
      }
      const { ingestCommand } = await import('./commands/ingest.js');
      code = await ingestCommand(paths, { ...o, skipped: ex.skipped.length, cwd, env, stdout, stderr });
    });

  command('serve')
    .description('chạy API HTTP')
    .option('-p, --port <port>', 'cổng')
    .option('--host <host>', 'địa chỉ lắng nghe')
    .action(async (o) => {
      if (!(await parseValueOptions('serve', o, argLang, stderr))) {
        code = 2;
        return;
      }
      const { serve } = await import('./commands/serve.js');
      await serve({ port: o.port, host: o.host, stdout, stderr, env });
      code = -1; // keep running
    });

  command('demo')
    .description('nạp fixtures/plans vào kho nhúng và chạy API (npm start)')
    .option('-p, --port <port>', 'cổng')
    .action(async (o) => {
      if (!(await parseValueOptions('demo', o, argLang, stderr))) {
        code = 2;
        return;
      }
      // Always the embedded store: the demo never writes the seed plans into a configured Neo4j.
      const { demo } = await import('./commands/serve.js');
      await demo({ port: o.port, stdout, stderr, env });
      code = -1;
    });

  command('query')
    .description('truy vấn phả hệ: implementers | basis | lineage; cơ quan ban hành và cơ quan kế thừa: issuer')
    .addArgument(new (await import('commander')).Argument('<kind>').choices(['implementers', 'basis', 'lineage', 'issuer']))
    .argument('<ref>', 'khóa chuẩn hoặc trích dẫn, ví dụ "Đề án 15-ĐA/TU"; với issuer: khóa (hoa-binh.lac-thuy:ubnd) hoặc tên ("UBND huyện Lạc Thủy")')
    .option('--depth <n>', 'độ sâu (1–10)')
    .addOption(new Option('-f, --format <format>', 'định dạng').choices(['text', 'json']).default('text'))
    .action(async (kind, ref: string, o) => {
      if (!(await parseValueOptions('query', o, argLang, stderr))) {
        code = 2;
        return;
      }
      if (kind === 'issuer') {
        const { queryIssuer } = await import('./commands/query-issuer.js');
        code = await queryIssuer(ref, { format: o.format, stdout, stderr });
        return;
      }
      const { query } = await import('./commands/query.js');
      code = await query(kind, ref, { depth: o.depth, format: o.format, stdout, stderr });
    });

  command('db')
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
