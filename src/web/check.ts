// The checking page (/): a draft in (pasted or a file), POST /check with include=source,citations,
// the text shown with every citation marked and every finding underlined in place, the findings
// listed beside it grouped by part of the document, a card per citation, fixes, exports.
import { DOCUMENT_EXTENSIONS, extensionOf } from '../documents/formats.js';
import { applyFixes, correctedLineOf, isMechanicalFix } from '../lint/fix.js';
import { ApiError, request, type CheckMessage, type CheckReport, type CheckResult, type CheckedCitation, type Severity } from './api.js';
import { byId, copyText, dateVi, download, h } from './dom.js';
import { applyStatic, currentLang, dict, wireLangSwitch, type Dict, type Lang } from './i18n.js';
import { runsOf, type Span } from './segments.js';
import { toSarif } from './sarif.js';

/** What the server reads: the format registry of src/documents (a pure module, bundled here). */
const EXTENSIONS = DOCUMENT_EXTENSIONS;
const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

type Input = { kind: 'text'; text: string; filename: string } | { kind: 'file'; file: File };

let lang: Lang = currentLang();
let d: Dict = dict(lang);
let lastInput: Input | null = null;
let lastReport: CheckReport | null = null;
let lastResult: CheckResult | null = null;
let running = 0;

const form = byId<HTMLFormElement>('check-form');
const draft = byId<HTMLTextAreaElement>('draft');
const fileInput = byId<HTMLInputElement>('file');
const drop = byId('drop');
const asOf = byId<HTMLInputElement>('as-of');
const status = byId('status');
const alertBox = byId('alert');
const results = byId('results');
const docEl = byId('doc');
const findingsEl = byId('findings');
const card = byId('citation-card');
const cardBody = byId('card-body');

function say(text: string): void {
  status.textContent = text;
}

function fail(text: string): void {
  alertBox.textContent = text;
  alertBox.hidden = false;
  say('');
}

function clearAlert(): void {
  alertBox.hidden = true;
  alertBox.textContent = '';
}

async function runCheck(input: Input): Promise<void> {
  clearAlert();
  const ticket = ++running;
  say(d.checking);
  byId<HTMLButtonElement>('check-button').disabled = true;
  const date = asOf.value || undefined;
  let init: RequestInit;
  if (input.kind === 'file') {
    const body = new FormData();
    body.append('file', input.file, input.file.name);
    if (date) body.append('date', date);
    body.append('lang', lang);
    body.append('include', 'source,citations');
    init = { method: 'POST', body };
  } else {
    init = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: input.text, filename: input.filename, lang, include: 'source,citations', ...(date ? { date } : {}) }),
    };
  }
  try {
    const report = await request<CheckReport>(`/check?lang=${lang}`, { ...init, headers: { ...(init.headers ?? {}), 'Accept-Language': lang } }, d.networkError);
    if (ticket !== running) return;
    lastInput = input;
    show(report);
    say('');
    byId('results').scrollIntoView({ block: 'start' });
  } catch (err) {
    if (ticket !== running) return;
    // The results of an earlier draft would read as this one's: hide them.
    results.hidden = true;
    card.hidden = true;
    fail(err instanceof ApiError ? err.message : `${d.serverError}: ${String(err)}`);
  } finally {
    if (ticket === running) byId<HTMLButtonElement>('check-button').disabled = false;
  }
}

function currentInput(): Input | null {
  const file = fileInput.files?.[0];
  if (file) return { kind: 'file', file };
  const text = draft.value;
  if (!text.trim()) return null;
  const filename = lastInput?.kind === 'text' ? lastInput.filename : 'draft.txt';
  return { kind: 'text', text, filename };
}

function takeFile(file: File): void {
  if (!EXTENSIONS.includes(extensionOf(file.name))) {
    fail(d.unsupportedFile(file.name));
    fileInput.value = '';
    return;
  }
  void runCheck({ kind: 'file', file });
}

// --- rendering -------------------------------------------------------------------------------

type Group = 'header' | 'can_cu' | 'body';

function groupsOf(result: CheckResult): (offset: number) => Group {
  const cites = result.citations ?? [];
  const text = result.source ?? '';
  const canCu = cites.filter((c) => c.section === 'can_cu');
  const first = cites.length > 0 ? Math.min(...cites.map((c) => c.offset)) : Infinity;
  if (canCu.length === 0) return (offset) => (offset < first && first !== Infinity && cites[0]?.section !== 'title' ? 'header' : 'body');
  const start = Math.min(...canCu.map((c) => c.offset));
  const lastEnd = Math.max(...canCu.map((c) => c.offset + c.length));
  const nl = text.indexOf('\n', lastEnd);
  const end = nl < 0 ? text.length : nl;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return (offset) => (offset < lineStart ? 'header' : offset <= end ? 'can_cu' : 'body');
}

function show(report: CheckReport): void {
  lastReport = report;
  const result = report.results[0]!;
  lastResult = result;
  const text = result.source ?? (lastInput?.kind === 'text' ? lastInput.text : '');
  const cites = result.citations ?? [];
  const messages = result.messages;
  if (!asOf.value && result.asOf) asOf.value = result.asOf;

  // Counts.
  const counts = byId('counts');
  counts.replaceChildren(
    h('span', { class: 'count sev-error' }, h('strong', {}, String(report.errorCount)), ` ${d.errors}`),
    h('span', { class: 'count sev-warning' }, h('strong', {}, String(report.warningCount)), ` ${d.warnings}`),
    h('span', { class: 'count sev-info' }, h('strong', {}, String(report.infoCount)), ` ${d.infos}`),
    h('span', { class: 'count' }, h('strong', {}, String(cites.length)), ` ${d.citations}`),
    h('span', { class: 'count asof' }, result.asOf ? `${d.judgedAt} ${dateVi(result.asOf)}` : d.noDate),
  );
  byId('doc-note').textContent = lastInput?.kind === 'file' ? d.fileShown(lastInput.file.name, result.format ?? '') : '';
  byId('print-head').textContent = d.printHead(lastInput?.kind === 'file' ? lastInput.file.name : result.file, new Date().toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN'));

  // The document with citations and findings in place.
  const spans: Span[] = [
    ...cites.map((c, i) => ({ id: i, offset: c.offset, length: c.length })),
    ...messages.map((m, i) => ({ id: cites.length + i, offset: m.offset, length: Math.max(1, m.length) })),
  ];
  const firstRunOf = new Map<number, HTMLElement>();
  const frag = document.createDocumentFragment();
  for (const run of runsOf(text.length, spans)) {
    const piece = text.slice(run.start, run.end);
    if (run.covering.length === 0) {
      frag.append(piece);
      continue;
    }
    const cit = run.covering.filter((id) => id < cites.length);
    const fnd = run.covering.filter((id) => id >= cites.length).map((id) => id - cites.length);
    const worst = fnd.reduce<Severity | null>((acc, i) => {
      const s = messages[i]!.severity;
      return acc === null || SEVERITY_RANK[s] > SEVERITY_RANK[acc] ? s : acc;
    }, null);
    const el = h('span', {
      class: ['seg', cit.length ? 'cit' : '', worst ? `u-${worst}` : ''].filter(Boolean).join(' '),
      'data-c': cit.length ? cit[0] : null,
      'data-f': fnd.length ? fnd.join(' ') : null,
    }, piece);
    for (const id of run.covering) {
      if (!firstRunOf.has(id)) {
        firstRunOf.set(id, el);
        if (id < cites.length) {
          el.id = `c-${id}`;
          el.tabIndex = 0;
          el.setAttribute('role', 'button');
          el.setAttribute('aria-label', `${d.citationTitle}: ${cites[id]!.surface}`);
          // On hover: what was read and the status, in one line; the card has the rest.
          el.title = [[cites[id]!.type, cites[id]!.number].filter(Boolean).join(' '), statusText(cites[id]!), d.clickForMore].join(' — ');
        } else if (!el.id) {
          el.id = `f-${id - cites.length}`;
        }
      }
    }
    frag.append(el);
  }
  docEl.replaceChildren(frag);
  // Findings whose first run is shared with another span still need their own anchor.
  messages.forEach((_, i) => {
    const el = firstRunOf.get(cites.length + i);
    if (el && el.id !== `f-${i}`) el.dataset.anchor = `${el.dataset.anchor ?? ''} f-${i}`.trim();
  });

  // The side list, grouped.
  const groupOf = groupsOf({ ...result, source: text });
  const order: Group[] = ['header', 'can_cu', 'body'];
  const title: Record<Group, string> = { header: d.groupHeader, can_cu: d.groupCanCu, body: d.groupBody };
  findingsEl.replaceChildren();
  if (messages.length === 0) findingsEl.append(h('p', { class: 'none' }, d.noFindings));
  for (const group of order) {
    const items = messages.map((m, i) => ({ m, i })).filter(({ m }) => groupOf(m.offset) === group);
    if (items.length === 0) continue;
    const list = h('ol', { class: 'findings' });
    for (const { m, i } of items) list.append(findingItem(m, i, text, firstRunOf.get(cites.length + i) ?? null));
    findingsEl.append(h('section', { class: 'group', 'aria-labelledby': `g-${group}` }, h('h3', { id: `g-${group}` }, `${title[group]} (${items.length})`), list));
  }

  // Fix all.
  const fixable = messages.filter((m) => isMechanicalFix(m, text)).length;
  const fixAll = byId<HTMLButtonElement>('fix-all');
  fixAll.hidden = fixable === 0;
  fixAll.textContent = d.fixAll(fixable);
  results.hidden = false;
}

function findingItem(m: CheckMessage, i: number, text: string, target: HTMLElement | null): HTMLElement {
  const go = h('button', { type: 'button', class: 'link', 'aria-describedby': `fm-${i}` }, `${d.goTo} — ${lang === 'en' ? 'line' : 'dòng'} ${m.line}:${m.column}`);
  go.addEventListener('click', () => jumpTo(target));
  const item = h(
    'li',
    { class: `finding sev-${m.severity}`, id: `fi-${i}`, tabindex: '-1' },
    h('p', { class: 'head' }, h('span', { class: `badge sev-${m.severity}` }, d.severity[m.severity] ?? m.severity), ' ', go),
    h('p', { class: 'msg', id: `fm-${i}` }, m.message),
    h('p', { class: 'rule' }, `${d.rule}: `, h('code', {}, m.ruleId)),
  );
  if (m.expected) {
    item.append(h('p', { class: 'expected' }, `${d.suggested}: `, h('q', {}, m.expected)));
    const line = correctedLineOf(text, m);
    const copy = h('button', { type: 'button', class: 'copy' }, line !== null ? d.copyLine : d.copySuggestion);
    copy.addEventListener('click', async () => {
      const value = line ?? m.expected!;
      const ok = await copyText(value);
      say(ok ? (line !== null ? d.copied : d.copiedSuggestion) : `${d.copyFailed} ${value}`);
    });
    item.append(copy);
  }
  if (m.cause) item.append(h('p', { class: 'cause' }, `${d.source}: `, sourceLink(m.cause)));
  return item;
}

function sourceLink(source: string): Node {
  return /^https?:\/\//.test(source) ? h('a', { href: source, rel: 'noreferrer noopener', target: '_blank' }, source) : document.createTextNode(source);
}

function jumpTo(el: HTMLElement | null): void {
  if (!el) return;
  for (const old of docEl.querySelectorAll('.flash')) old.classList.remove('flash');
  el.classList.add('flash');
  if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
  el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  el.focus({ preventScroll: true });
}

// --- citation card ---------------------------------------------------------------------------

let cardReturn: HTMLElement | null = null;

function openCard(index: number, from: HTMLElement): void {
  const c = lastResult?.citations?.[index];
  if (!c) return;
  cardReturn = from;
  cardBody.replaceChildren(citationDetails(c));
  card.hidden = false;
  byId('card-close').focus();
}

function closeCard(): void {
  card.hidden = true;
  cardReturn?.focus();
  cardReturn = null;
}

function statusText(c: CheckedCitation): string {
  const s = c.status;
  const parts = [d.state[s.state] ?? s.state];
  if (s.by && s.state !== 'in_force') parts.push(`${d.by} ${s.by}`);
  if (s.since && s.state !== 'in_force' && s.state !== 'unknown') parts.push(`${d.since} ${dateVi(s.since)}`);
  const at = lastResult?.asOf ? ` (${d.onDate} ${dateVi(lastResult.asOf)})` : '';
  return parts.join(' ') + at;
}

function citationDetails(c: CheckedCitation): HTMLElement {
  const row = (label: string, value: Node | string | null) => [h('dt', {}, label), h('dd', {}, value ?? d.unknownValue)];
  const dl = h(
    'dl',
    { class: 'facts' },
    ...row(d.fType, c.type),
    ...row(d.fNumber, c.number),
    ...row(d.fDate, c.date ? dateVi(c.date) : null),
    ...row(d.fIssuer, c.issuer),
    ...row(d.fSubject, c.subject),
    ...row(d.fKey, c.key ? h('code', {}, c.key) : null),
    ...row(d.fSection, d.section[c.section] ?? c.section),
    ...row(d.fStatus, h('span', { class: `state state-${c.status.state}` }, statusText(c))),
  );
  if (c.status.source) dl.append(...row(d.source, h('span', {}, sourceLink(c.status.source), c.status.confidence === 'inferred' ? ` (${d.inferred})` : '')));
  const box = h('div', {}, h('p', { class: 'surface' }, h('q', {}, c.surface)), dl);
  box.append(c.key ? h('p', {}, h('a', { href: `/lineage?ref=${encodeURIComponent(c.key)}`, class: 'lineage-link' }, d.lineageLink)) : h('p', { class: 'note' }, d.notKeyed));
  return box;
}

// --- wiring ------------------------------------------------------------------------------------

docEl.addEventListener('click', (event) => {
  const seg = (event.target as HTMLElement).closest<HTMLElement>('.seg');
  if (!seg) return;
  if (seg.dataset.c !== undefined) {
    const first = document.getElementById(`c-${seg.dataset.c}`) ?? seg;
    openCard(Number(seg.dataset.c), first);
  } else if (seg.dataset.f) {
    const item = document.getElementById(`fi-${seg.dataset.f.split(' ')[0]}`);
    item?.scrollIntoView({ block: 'nearest' });
    item?.focus();
  }
});
docEl.addEventListener('keydown', (event) => {
  const seg = event.target as HTMLElement;
  if ((event.key === 'Enter' || event.key === ' ') && seg.classList.contains('cit')) {
    event.preventDefault();
    openCard(Number(seg.dataset.c), seg);
  }
});
byId('card-close').addEventListener('click', closeCard);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !card.hidden) closeCard();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = currentInput();
  if (!input) {
    fail(d.emptyInput);
    draft.focus();
    return;
  }
  if (input.kind === 'file' && !EXTENSIONS.includes(extensionOf(input.file.name))) {
    fail(d.unsupportedFile(input.file.name));
    return;
  }
  void runCheck(input);
});
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) takeFile(file);
});
draft.addEventListener('input', () => {
  if (fileInput.value) fileInput.value = '';
});
for (const type of ['dragenter', 'dragover']) {
  drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
}
for (const type of ['dragleave', 'drop']) drop.addEventListener(type, () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  const file = (event as DragEvent).dataTransfer?.files?.[0];
  if (file) takeFile(file);
});
asOf.addEventListener('change', () => {
  if (lastInput) void runCheck(lastInput);
});

byId('fix-all').addEventListener('click', () => {
  if (!lastResult) return;
  const text = lastResult.source ?? '';
  const { text: fixed, applied } = applyFixes(text, lastResult.messages);
  if (applied.length === 0) return;
  const filename = lastInput?.kind === 'text' ? lastInput.filename : lastResult.format === 'md' ? 'draft.md' : 'draft.txt';
  draft.value = fixed;
  fileInput.value = '';
  void runCheck({ kind: 'text', text: fixed, filename }).then(() => say(`${d.fixedAll(applied.length)} ${d.fixAllNote}`));
});
byId('export-json').addEventListener('click', () => {
  if (lastReport) download('cancu-check.json', 'application/json', JSON.stringify(lastReport, null, 2));
});
byId('export-sarif').addEventListener('click', () => {
  if (lastReport) download('cancu-check.sarif', 'application/sarif+json', JSON.stringify(toSarif(lastReport), null, 2));
});
byId('print').addEventListener('click', () => window.print());

function relabel(next: Lang): void {
  lang = next;
  d = dict(lang);
  applyStatic(d, lang);
  document.title = d.appName;
  if (lastInput) void runCheck(lastInput);
}
wireLangSwitch(relabel);
applyStatic(d, lang);
document.title = d.appName;
document.body.dataset.ready = 'true';
