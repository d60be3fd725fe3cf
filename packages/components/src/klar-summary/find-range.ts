/**
 * A DOM Range over the first place `needle` stands in `root`'s text, comparing with runs of
 * whitespace collapsed (the source text came from `innerText`, which breaks lines differently
 * from the DOM's text nodes). Undefined when it is not there.
 */
export function findTextRange(root: Node, needle: string): Range | undefined {
  const wanted = needle.replace(/\s+/g, ' ').trim();
  if (!wanted) return undefined;
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  // The collapsed text, and for each of its characters the node and offset it came from.
  let text = '';
  const origin: { node: Text; offset: number }[] = [];
  let lastWasSpace = true;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.data;
    for (let i = 0; i < value.length; i++) {
      const space = /\s/.test(value[i]!);
      if (space && lastWasSpace) continue;
      text += space ? ' ' : value[i];
      origin.push({ node, offset: i });
      lastWasSpace = space;
    }
    // Text nodes in separate blocks read as separate words.
    if (!lastWasSpace) {
      text += ' ';
      origin.push({ node, offset: value.length });
      lastWasSpace = true;
    }
  }
  const at = text.indexOf(wanted);
  if (at < 0) return undefined;
  const start = origin[at]!;
  const last = origin[at + wanted.length - 1]!;
  const range = root.ownerDocument!.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(last.node, last.offset + 1);
  return range;
}

const HIGHLIGHT = 'klar-summary-fact';
const sheets = new WeakSet<Document>();

/**
 * Shows a range of the original: scrolls it into view and highlights it with the CSS Custom
 * Highlight API, which marks text without changing the page's DOM (else selects it).
 */
export function showRange(range: Range): void {
  const doc = range.startContainer.ownerDocument!;
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const highlights = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)
    ?.highlights;
  const Highlight = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (highlights && Highlight) {
    if (!sheets.has(doc)) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        `::highlight(${HIGHLIGHT}) { background-color: var(--klar-color-highlight, #ffe08a); color: var(--klar-color-text, #1b1b1b); }`,
      );
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      sheets.add(doc);
    }
    highlights.set(HIGHLIGHT, new Highlight(range));
    return;
  }
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Removes the highlight of a shown fact. */
export function clearShownRange(): void {
  (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights?.delete(
    HIGHLIGHT,
  );
}
