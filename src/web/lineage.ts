// The lineage page (/lineage?ref=…): search (GET /instruments?q=), then the instrument's
// neighbourhood (GET /instruments/{ref}/lineage?up=&down=) as a picture drawn by cytoscape
// (served from the package, /assets/vendor/cytoscape.min.js) and as a table. Clicking a node or
// a row walks on to that instrument.
import { ApiError, request, type Instrument, type Lineage } from './api.js';
import { byId, dateVi, h } from './dom.js';
import { applyStatic, currentLang, dict, wireLangSwitch, type Dict, type Lang } from './i18n.js';

interface CyNode {
  id(): string;
}
interface CyEvent {
  target: CyNode;
}
interface Cy {
  on(event: string, selector: string, handler: (e: CyEvent) => void): void;
  destroy(): void;
  nodes(): { length: number };
}
declare const cytoscape: ((options: Record<string, unknown>) => Cy) | undefined;

let lang: Lang = currentLang();
let d: Dict = dict(lang);
let cy: Cy | null = null;
let currentRef: string | null = null;

const status = byId('status');
const alertBox = byId('alert');
const up = byId<HTMLSelectElement>('up');
const down = byId<HTMLSelectElement>('down');

const FAMILY_COLOUR: Record<string, string> = { legal: '#1d4ed8', admin: '#0f766e', party: '#b91c1c', document: '#6d28d9', other: '#4b5563' };
const STATUS_BORDER: Record<string, string> = { in_force: '#15803d', amended: '#ca8a04', replaced: '#111827', repealed: '#111827', expired: '#111827', unknown: '#9ca3af' };

function fail(text: string): void {
  alertBox.textContent = text;
  alertBox.hidden = false;
  status.textContent = '';
}

function familyOf(n: Instrument): string {
  if (n.isDocument) return 'document';
  return n.family && FAMILY_COLOUR[n.family] ? n.family : 'other';
}

function labelOf(n: Instrument): string {
  if (n.number) return `${n.type ?? ''} ${n.number}`.trim();
  if (n.isDocument) return `${n.type ?? ''} ${n.file?.split('/').pop() ?? ''}`.trim();
  return (n.type ?? '') + (n.subject ? ` ${n.subject.slice(0, 40)}` : '');
}

async function search(q: string): Promise<void> {
  alertBox.hidden = true;
  status.textContent = d.searching;
  try {
    const page = await request<{ items: Instrument[] }>(`/instruments?q=${encodeURIComponent(q)}&limit=20`, { headers: { 'Accept-Language': lang } }, d.networkError);
    const hits = byId('hits');
    hits.replaceChildren(
      ...page.items.map((n) =>
        h(
          'li',
          {},
          h('a', { href: `/lineage?ref=${encodeURIComponent(n.key)}`, 'data-key': n.key }, labelOf(n)),
          ' ',
          h('span', { class: 'note' }, [n.date ? dateVi(n.date) : '', n.issuer ?? ''].filter(Boolean).join(' — ')),
        ),
      ),
    );
    if (page.items.length === 0) hits.append(h('li', {}, d.noResults));
    byId('search-results').hidden = false;
    status.textContent = '';
  } catch (err) {
    fail(err instanceof ApiError ? err.message : String(err));
  }
}

/** Edges to show: CITES only where no more specific relation joins the same two instruments. */
function shownEdges(lineage: Lineage): Lineage['edges'] {
  const specific = new Set(lineage.edges.filter((e) => e.kind !== 'CITES').map((e) => `${e.from}>${e.to}`));
  const seen = new Set<string>();
  return lineage.edges.filter((e) => {
    const id = `${e.from}>${e.to}>${e.kind}`;
    if (seen.has(id) || (e.kind === 'CITES' && specific.has(`${e.from}>${e.to}`))) return false;
    seen.add(id);
    return true;
  });
}

async function showLineage(ref: string, push: boolean): Promise<void> {
  alertBox.hidden = true;
  status.textContent = d.searching;
  currentRef = ref;
  try {
    const lineage = await request<Lineage>(`/instruments/${encodeURIComponent(ref)}/lineage?up=${up.value}&down=${down.value}`, { headers: { 'Accept-Language': lang } }, d.networkError);
    if (currentRef !== ref) return;
    if (push) {
      const url = new URL(location.href);
      url.searchParams.set('ref', lineage.key);
      history.pushState({ ref: lineage.key }, '', url);
    }
    render(lineage);
    status.textContent = '';
  } catch (err) {
    fail(err instanceof ApiError ? err.message : String(err));
  }
}

function render(lineage: Lineage): void {
  const byKey = new Map(lineage.nodes.map((n) => [n.key, n]));
  const center = byKey.get(lineage.key);
  byId('lineage').hidden = false;
  byId('center-title').textContent = center ? labelOf(center) : lineage.key;
  byId('center-sub').textContent = center ? [center.date ? dateVi(center.date) : '', center.issuer ?? '', center.subject ?? ''].filter(Boolean).join(' — ') : '';
  const edges = shownEdges(lineage);

  // The picture.
  const graph = byId('graph');
  graph.setAttribute('aria-label', `${d.pictureTitle}: ${lineage.nodes.length} ${lang === 'en' ? 'instruments' : 'văn bản'}, ${edges.length} ${lang === 'en' ? 'relations' : 'quan hệ'}`);
  cy?.destroy();
  cy = null;
  graph.replaceChildren();
  if (typeof cytoscape !== 'function') {
    graph.append(h('p', { class: 'note' }, d.graphUnavailable));
  } else {
    cy = cytoscape({
      container: graph,
      elements: [
        ...lineage.nodes.map((n) => ({
          data: { id: n.key, label: labelOf(n), colour: FAMILY_COLOUR[familyOf(n)], border: STATUS_BORDER[n.status] ?? STATUS_BORDER.unknown, center: n.key === lineage.key ? 1 : 0 },
        })),
        ...edges.map((e, i) => ({ data: { id: `e${i}`, source: e.from, target: e.to, label: d.relation[e.kind] ?? e.kind.toLowerCase() } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            'border-color': 'data(border)',
            'border-width': 3,
            label: 'data(label)',
            color: '#111827',
            'font-size': 11,
            'text-wrap': 'wrap',
            'text-max-width': 120,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            width: 22,
            height: 22,
          },
        },
        { selector: 'node[center = 1]', style: { width: 34, height: 34, 'border-width': 5, 'font-weight': 'bold' } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#6b7280',
            'target-arrow-color': '#6b7280',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 9,
            color: '#374151',
            'text-background-color': '#ffffff',
            'text-background-opacity': 1,
            'text-rotation': 'autorotate',
          },
        },
      ],
      layout: { name: 'breadthfirst', directed: true, spacingFactor: 1.1, padding: 24, avoidOverlap: true },
      wheelSensitivity: 0.3,
    });
    // What is drawn, for the page's own tests and for assistive tools reading the element.
    graph.dataset.nodes = lineage.nodes.map((n) => n.key).join(' ');
    cy.on('tap', 'node', (event) => {
      const key = event.target.id();
      if (key !== currentRef) void showLineage(key, true);
    });
  }

  // Legend.
  byId('legend').replaceChildren(
    h('span', { class: 'note' }, `${d.legend}: `),
    ...Object.entries(FAMILY_COLOUR).map(([family, colour]) => h('span', { class: 'key' }, h('span', { class: 'dot', 'data-colour': colour }), d.family[family] ?? family)),
    h('span', { class: 'note' }, `${d.borderLegend}: `),
    ...Object.entries(STATUS_BORDER)
      .filter(([state]) => state !== 'repealed' && state !== 'expired')
      .map(([state, colour]) => h('span', { class: 'key' }, h('span', { class: 'ring', 'data-colour': colour }), state === 'replaced' ? d.endedLegend : d.nodeStatus[state] ?? state)),
  );
  for (const ring of byId('legend').querySelectorAll<HTMLElement>('.ring')) ring.style.borderColor = ring.dataset.colour ?? '';
  for (const dot of byId('legend').querySelectorAll<HTMLElement>('.dot')) dot.style.backgroundColor = dot.dataset.colour ?? '';

  // The table.
  const table = byId<HTMLTableElement>('relations');
  const link = (key: string) => {
    const n = byKey.get(key);
    const a = h('a', { href: `/lineage?ref=${encodeURIComponent(key)}`, 'data-key': key }, n ? labelOf(n) : key);
    return key === lineage.key ? h('strong', {}, a) : a;
  };
  const cell = (key: string) => {
    const n = byKey.get(key);
    const facts = [n?.date ? dateVi(n.date) : '', n?.issuer ?? '', d.nodeStatus[n?.status ?? 'unknown'] ?? n?.status ?? ''].filter(Boolean).join(' — ');
    return h('td', {}, link(key), h('br', {}), h('small', { class: 'note' }, facts));
  };
  const head = h('thead', {}, h('tr', {}, ...[d.thFrom, d.thRelation, d.thTo].map((t) => h('th', { scope: 'col' }, t))));
  const body = h('tbody', {}, ...edges.map((e) => h('tr', {}, cell(e.from), h('td', {}, d.relation[e.kind] ?? e.kind), cell(e.to))));
  if (edges.length === 0) body.append(h('tr', {}, h('td', { colspan: 3 }, d.noEdges)));
  table.replaceChildren(h('caption', { class: 'offscreen' }, d.tableTitle), head, body);
  document.body.dataset.rendered = lineage.key;
}

// --- wiring ------------------------------------------------------------------------------------

document.addEventListener('click', (event) => {
  const a = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-key]');
  if (!a || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  void showLineage(a.dataset.key!, true);
});
byId<HTMLFormElement>('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = byId<HTMLInputElement>('q').value.trim();
  if (q) void search(q);
});
for (const select of [up, down]) select.addEventListener('change', () => currentRef && void showLineage(currentRef, false));
window.addEventListener('popstate', () => {
  const ref = new URLSearchParams(location.search).get('ref');
  if (ref) void showLineage(ref, false);
});

function relabel(next: Lang): void {
  lang = next;
  d = dict(lang);
  applyStatic(d, lang);
  document.title = `cancu — ${d.lineageTitle}`;
  if (currentRef) void showLineage(currentRef, false);
}
wireLangSwitch(relabel);
applyStatic(d, lang);
document.title = `cancu — ${d.lineageTitle}`;
const start = new URLSearchParams(location.search).get('ref');
// cytoscape is a deferred classic script: it has run before this module (modules are deferred too, in order).
if (start) void showLineage(start, false);
document.body.dataset.ready = 'true';
