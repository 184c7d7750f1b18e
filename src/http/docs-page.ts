// A readable, self-contained HTML page rendered from the OpenAPI document (no script, no CDN:
// the page must work on a machine without internet). Schemas are shown as field tables.

type Json = Record<string, unknown>;

const escapeHtml = (value: unknown) =>
  String(value).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const anchor = (value: string) => value.replace(/[^A-Za-z0-9_-]+/g, '-');

function refName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** A one-line type: string | null, Instrument[], { … }. */
function typeOf(schema: Json | undefined): string {
  if (!schema) return 'any';
  if (typeof schema['$ref'] === 'string') {
    const name = refName(schema['$ref']);
    return `<a href="#schema-${anchor(name)}">${escapeHtml(name)}</a>`;
  }
  for (const combinator of ['anyOf', 'oneOf', 'allOf'] as const) {
    const parts = schema[combinator];
    if (Array.isArray(parts)) return parts.map((part) => typeOf(part as Json)).join(combinator === 'allOf' ? ' &amp; ' : ' | ');
  }
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map((value) => `<code>${escapeHtml(JSON.stringify(value))}</code>`).join(' | ');
  if ('const' in schema) return `<code>${escapeHtml(JSON.stringify(schema['const']))}</code>`;
  const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : schema['type'] ? [schema['type'] as string] : [];
  const shown = types.map((type) => {
    if (type === 'array') return `${typeOf(schema['items'] as Json | undefined)}[]`;
    if (type === 'object' && schema['properties']) {
      const properties = Object.entries(schema['properties'] as Record<string, Json>);
      // Small wrappers such as the envelope {"data": …} read best inline.
      if (properties.length <= 2) return `{ ${properties.map(([name, property]) => `${escapeHtml(name)}: ${typeOf(property)}`).join(', ')} }`;
      return 'object';
    }
    if (type === 'string' && schema['format']) return `string (${escapeHtml(schema['format'])})`;
    return escapeHtml(type);
  });
  return shown.length > 0 ? shown.join(' | ') : 'any';
}

function constraints(schema: Json): string {
  const parts: string[] = [];
  if (schema['minimum'] !== undefined) parts.push(`≥ ${escapeHtml(schema['minimum'])}`);
  if (schema['maximum'] !== undefined) parts.push(`≤ ${escapeHtml(schema['maximum'])}`);
  if (schema['minLength'] !== undefined) parts.push(`dài ≥ ${escapeHtml(schema['minLength'])}`);
  if (schema['maxLength'] !== undefined) parts.push(`dài ≤ ${escapeHtml(schema['maxLength'])}`);
  if (schema['default'] !== undefined) parts.push(`mặc định <code>${escapeHtml(JSON.stringify(schema['default']))}</code>`);
  if (schema['example'] !== undefined) parts.push(`ví dụ <code>${escapeHtml(JSON.stringify(schema['example']))}</code>`);
  return parts.join(', ');
}

/** Object schemas become a table of fields; nested anonymous objects are expanded in place. */
function fieldsTable(schema: Json, depth = 0): string {
  const properties = (schema['properties'] ?? {}) as Record<string, Json>;
  const required = new Set((schema['required'] ?? []) as string[]);
  const rows = Object.entries(properties).map(([name, property]) => {
    const nested =
      depth < 3 && property['properties'] ? fieldsTable(property, depth + 1) : depth < 3 && (property['items'] as Json | undefined)?.['properties'] ? fieldsTable(property['items'] as Json, depth + 1) : '';
    const description = [property['description'] ? escapeHtml(property['description']) : '', constraints(property)].filter(Boolean).join('<br>');
    return `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? '' : ' <span class="opt">tùy chọn</span>'}</td><td>${typeOf(property)}</td><td>${description}${nested}</td></tr>`;
  });
  if (rows.length === 0) return `<p>${typeOf(schema)}</p>`;
  return `<table class="fields"><thead><tr><th>Trường</th><th>Kiểu</th><th>Mô tả</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function schemaBlock(schema: Json | undefined): string {
  if (!schema) return '';
  if (schema['properties']) return fieldsTable(schema);
  return `<p>${typeOf(schema)}</p>`;
}

function operationHtml(path: string, method: string, operation: Json): string {
  const id = anchor(String(operation['operationId'] ?? `${method}-${path}`));
  const parameters = (operation['parameters'] ?? []) as Json[];
  const paramRows = parameters.map((parameter) => {
    const schema = (parameter['schema'] ?? {}) as Json;
    const description = [parameter['description'] ?? schema['description'], constraints(schema)].filter(Boolean).map(String).join('<br>');
    return `<tr><td><code>${escapeHtml(parameter['name'])}</code></td><td>${escapeHtml(parameter['in'])}${parameter['required'] ? '' : ' <span class="opt">tùy chọn</span>'}</td><td>${typeOf(schema)}</td><td>${description.includes('<') ? description : escapeHtml(description)}</td></tr>`;
  });
  const body = operation['requestBody'] as Json | undefined;
  const bodyHtml = body
    ? Object.entries((body['content'] ?? {}) as Record<string, Json>)
        .map(([type, media]) => `<h4>Thân yêu cầu <code>${escapeHtml(type)}</code></h4>${schemaBlock(media['schema'] as Json)}`)
        .join('')
    : '';
  const responses = Object.entries((operation['responses'] ?? {}) as Record<string, Json>).map(([status, response]) => {
    const content = (response['content'] ?? {}) as Record<string, Json>;
    const media = Object.values(content)[0];
    const example = media?.['example'] !== undefined ? `<pre>${escapeHtml(JSON.stringify(media['example'], null, 2))}</pre>` : '';
    return `<tr><td class="status s${escapeHtml(status[0])}">${escapeHtml(status)}</td><td>${escapeHtml(response['description'] ?? '')}</td><td>${media ? typeOf(media['schema'] as Json) : ''}${example}</td></tr>`;
  });
  const secured = Array.isArray(operation['security']) && (operation['security'] as unknown[]).length > 0;
  return `<section class="op" id="${id}">
<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code>${secured ? ' <span class="key">cần khóa API</span>' : ''}</h3>
<p>${escapeHtml(operation['summary'] ?? '')}</p>
${operation['description'] ? `<p class="desc">${escapeHtml(operation['description'])}</p>` : ''}
${paramRows.length ? `<h4>Tham số</h4><table><thead><tr><th>Tên</th><th>Vị trí</th><th>Kiểu</th><th>Mô tả</th></tr></thead><tbody>${paramRows.join('')}</tbody></table>` : ''}
${bodyHtml}
<h4>Trả lời</h4><table><thead><tr><th>Mã</th><th>Ý nghĩa</th><th>Nội dung</th></tr></thead><tbody>${responses.join('')}</tbody></table>
</section>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2430;background:#fafbfc}
main{max-width:1100px;margin:0 auto;padding:1.5rem}
h1{margin-top:0}h2{border-bottom:2px solid #d8dee6;padding-bottom:.3rem;margin-top:2.5rem}
nav ul{columns:2;list-style:none;padding:0}nav li{margin:.15rem 0}
.op{background:#fff;border:1px solid #d8dee6;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:3.5rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .4rem}
.get{background:#2f6fbf}.post{background:#2c8a4b}
.key{font-size:.75rem;background:#fff1cc;border:1px solid #e8c35a;border-radius:4px;padding:.05rem .35rem}
.opt{color:#7a8594;font-size:.8rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{border:1px solid #e1e6ec;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f4f7}.fields{margin:.3rem 0;font-size:.92rem}
.status{font-weight:600}.s2{color:#2c8a4b}.s4{color:#b5561b}.s5{color:#b3261e}
pre{background:#f4f6f8;padding:.5rem;overflow:auto;font-size:.85rem}code{font-size:.92em}
.desc{white-space:pre-line;color:#3a4350}`;

/** Renders the whole document as one HTML page. */
export function renderDocsPage(document: Json): string {
  const info = (document['info'] ?? {}) as Json;
  const paths = (document['paths'] ?? {}) as Record<string, Record<string, Json>>;
  const operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  const tags = ((document['tags'] ?? []) as Json[]).map((tag) => String(tag['name']));
  for (const { operation } of operations) for (const tag of (operation['tags'] ?? []) as string[]) if (!tags.includes(tag)) tags.push(tag);
  const byTag = tags.map((tag) => ({ tag, ops: operations.filter(({ operation }) => ((operation['tags'] ?? []) as string[]).includes(tag)) }));
  const schemas = ((document['components'] as Json | undefined)?.['schemas'] ?? {}) as Record<string, Json>;

  const toc = operations
    .map(({ path, method, operation }) => `<li><a href="#${anchor(String(operation['operationId']))}"><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> ${escapeHtml(path)}</a></li>`)
    .join('');
  const sections = byTag
    .filter(({ ops }) => ops.length > 0)
    .map(({ tag, ops }) => `<h2>${escapeHtml(tag)}</h2>${ops.map(({ path, method, operation }) => operationHtml(path, method, operation)).join('\n')}`)
    .join('\n');
  const schemaSections = Object.entries(schemas)
    .map(([name, schema]) => `<section class="op" id="schema-${anchor(name)}"><h3><code>${escapeHtml(name)}</code></h3>${schema['description'] ? `<p>${escapeHtml(schema['description'])}</p>` : ''}${schemaBlock(schema)}</section>`)
    .join('\n');

  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(info['title'] ?? 'API')}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(info['title'] ?? 'API')} <small>${escapeHtml(info['version'] ?? '')}</small></h1>
<p class="desc">${escapeHtml(info['description'] ?? '')}</p>
<p>Tài liệu máy đọc: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${escapeHtml(document['openapi'] ?? '')}).</p>
<nav><h2>Mục lục</h2><ul>${toc}</ul></nav>
${sections}
<h2>Kiểu dữ liệu</h2>
${schemaSections}
</main></body></html>`;
}
