/** What a length budget counts. */
export type LengthUnit = 'sentence' | 'item' | 'word';

const SENTENCE_END = /[.!?…]["'”»)]*\s+(?=["'“«(]*[\p{Lu}\d•*-])/gu;
const ITEM_START = /^\s*(?:[-*•]|\d{1,2}[.)])\s+/;

/**
 * Watches streamed text and says where it must end to stay within `units` sentences, list
 * items or words. Models overrun length instructions; this keeps the promise the `length`
 * option makes, and stops generation as soon as it is kept.
 */
export class LengthGuard {
  #text = '';
  #emitted = 0;
  #done = false;

  constructor(
    readonly unit: LengthUnit,
    readonly units: number,
  ) {}

  get done(): boolean {
    return this.#done;
  }

  /** Takes the next streamed chunk; returns the part of it that may be shown. */
  push(chunk: string): string {
    if (this.#done) return '';
    this.#text += chunk;
    const cut = cutIndex(this.#text, this.unit, this.units);
    // Trailing whitespace waits for the next text: it may turn out to be the end.
    const end = cut ?? trimEnd(this.#text, this.#text.length);
    if (cut !== undefined) this.#done = true;
    const out = this.#text.slice(this.#emitted, Math.max(this.#emitted, end));
    this.#emitted = Math.max(this.#emitted, end);
    return out;
  }

  /** All text that was let through. */
  get text(): string {
    return this.#text.slice(0, this.#emitted);
  }
}

/** Where the text must end to hold `units`; undefined while it still fits. */
export function cutIndex(text: string, unit: LengthUnit, units: number): number | undefined {
  if (unit === 'word') {
    const words = [...text.matchAll(/\S+/g)];
    // The word after the last allowed one has started: cut before it.
    const next = words[units];
    if (next) return trimEnd(text, next.index);
    // A headline is one line.
    const line = text.search(/\S\s*\n/);
    return line >= 0 ? line + 1 : undefined;
  }
  if (unit === 'item') {
    let count = 0;
    let offset = 0;
    for (const line of text.split('\n')) {
      if (ITEM_START.test(line)) {
        count += 1;
        if (count > units) return trimEnd(text, offset);
      }
      offset += line.length + 1;
    }
    return undefined;
  }
  let count = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    count += 1;
    if (count >= units) return trimEnd(text, match.index + match[0].trimEnd().length);
  }
  return undefined;
}

function trimEnd(text: string, at: number): number {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}
