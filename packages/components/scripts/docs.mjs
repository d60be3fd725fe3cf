// Writes the API reference in docs/components.md from custom-elements.json (between markers).
// Run after `npx cem analyze --config custom-elements-manifest.config.mjs` in this folder.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(
  readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'),
);
const docsUrl = new URL('../../../docs/components.md', import.meta.url);
const START = '<!-- api:start (generated from custom-elements.json; do not edit) -->';
const END = '<!-- api:end -->';

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ')
    .trim();
const table = (head, rows) =>
  rows.length
    ? [
        `| ${head.join(' | ')} |`,
        `| ${head.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
        '',
      ].join('\n')
    : '';

const out = [];
for (const mod of manifest.modules) {
  for (const d of mod.declarations ?? []) {
    if (!d.tagName) continue;
    out.push(
      `### \`<${d.tagName}>\``,
      '',
      cell(d.summary ?? d.description),
      '',
      `Class \`${d.name}\` in \`${mod.path}\`.`,
      '',
    );
    const hidden = new Set(
      (d.members ?? [])
        .filter((m) => m.privacy === 'private' || m.privacy === 'protected')
        .map((m) => m.name),
    );
    const attrs = (d.attributes ?? []).filter((a) => a.name && !hidden.has(a.fieldName));
    if (attrs.length)
      out.push(
        '**Attributes**',
        '',
        table(
          ['Attribute', 'Property', 'Type', 'Default', 'Description'],
          attrs.map((a) => [
            `\`${a.name}\``,
            a.fieldName ?? '',
            a.type?.text ?? '',
            a.default ?? '',
            a.description ?? '',
          ]),
        ),
      );
    const props = (d.members ?? []).filter(
      (m) =>
        m.kind === 'field' &&
        !m.privacy &&
        !m.static &&
        !m.attribute &&
        m.description &&
        !m.name.startsWith('#'),
    );
    if (props.length)
      out.push(
        '**Properties**',
        '',
        table(
          ['Property', 'Type', 'Description'],
          props.map((p) => [`\`${p.name}\``, p.type?.text ?? '', p.description]),
        ),
      );
    const methods = (d.members ?? []).filter(
      (m) =>
        m.kind === 'method' &&
        !m.privacy &&
        !m.static &&
        m.description &&
        !m.name.startsWith('#') &&
        !m.inheritedFrom,
    );
    if (methods.length)
      out.push(
        '**Methods**',
        '',
        table(
          ['Method', 'Description'],
          methods.map((m) => [`\`${m.name}()\``, m.description]),
        ),
      );
    if (d.events?.length)
      out.push(
        '**Events** (bubbling, composed `CustomEvent`s)',
        '',
        table(
          ['Event', 'Description'],
          d.events.map((e) => [`\`${e.name}\``, e.description ?? '']),
        ),
      );
    if (d.slots?.length)
      out.push(
        '**Slots**',
        '',
        table(
          ['Slot', 'Description'],
          d.slots.map((s) => [s.name ? `\`${s.name}\`` : '(default)', s.description ?? '']),
        ),
      );
    if (d.cssParts?.length)
      out.push(
        '**CSS parts**',
        '',
        table(
          ['Part', 'Description'],
          d.cssParts.map((p) => [`\`${p.name}\``, p.description ?? '']),
        ),
      );
    if (d.cssProperties?.length)
      out.push(
        '**CSS custom properties**',
        '',
        table(
          ['Property', 'Description'],
          d.cssProperties.map((p) => [`\`${p.name}\``, p.description ?? '']),
        ),
      );
  }
}

const doc = readFileSync(docsUrl, 'utf8');
const before = doc.split(START)[0];
const after = doc.includes(END) ? doc.split(END)[1] : '\n';
writeFileSync(docsUrl, `${before}${START}\n\n${out.join('\n')}\n${END}${after}`);
console.log(`docs/components.md: ${out.filter((l) => l.startsWith('### ')).length} elements`);
