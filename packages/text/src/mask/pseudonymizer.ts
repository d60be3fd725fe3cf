import { assertText, KlarTextError } from '../errors.js';
import { builtInRegistry } from '../pii/detect.js';
import { BUILT_IN_LABELS } from '../pii/labels.js';
import type { RecognizerRegistry } from '../pii/registry.js';
import type { PiiSpan, PiiType } from '../pii/types.js';
import type { Locale } from '../span.js';
import { formatPlaceholder, labelKey, placeholderPattern } from './placeholders.js';

export interface PseudonymizerOptions {
  /** Placeholder language: [PERSONNUMMER 1] (sv, default) or [PERSONAL ID 1] (en). */
  locale?: Locale;
  /** Where custom types get their labels. Default: the shared registry. */
  registry?: RecognizerRegistry;
}

interface Entry {
  readonly type: PiiType;
  readonly number: number;
  readonly original: string;
  readonly placeholder: string;
}

/**
 * Reversible pseudonymisation. Each distinct value of a type gets a numbered placeholder
 * ([PERSONNUMMER 1], [PERSONNUMMER 2], …) and keeps it for the life of this object, so several
 * messages of one conversation share numbering. The mapping lives only in memory.
 * Values are matched exactly as written: "19900101-0017" and "900101-0017" get separate
 * placeholders, which is what lets `restore()` give back the text unchanged.
 */
export class Pseudonymizer {
  readonly locale: Locale;
  readonly #registry: RecognizerRegistry;
  /** Type → value → entry (nested, so no key string is built per span). */
  readonly #byValue = new Map<PiiType, Map<string, Entry>>();
  readonly #byNumber = new Map<string, Entry>();
  readonly #next = new Map<PiiType, number>();
  /** type + number pairs already present in input text, never handed out (see #reserve). */
  readonly #reserved = new Set<string>();

  constructor(options: PseudonymizerOptions = {}) {
    const locale = options.locale ?? 'sv';
    if (locale !== 'sv' && locale !== 'en') {
      throw new KlarTextError(
        'invalid-option',
        `Unknown locale "${String(locale)}". Use 'sv' or 'en'.`,
      );
    }
    this.locale = locale;
    this.#registry = options.registry ?? builtInRegistry();
  }

  /** Placeholder → original value, in the order they were handed out. */
  get mapping(): ReadonlyMap<string, string> {
    return new Map(
      [...this.#byNumber.values()].map((entry) => [entry.placeholder, entry.original]),
    );
  }

  /**
   * Remembers placeholder-like text already in the input (a user may paste "[NAMN 1]"), so a
   * new placeholder never collides with it and restore() leaves it alone.
   */
  reserveExisting(text: string, types: Iterable<PiiType>): void {
    // Every placeholder starts with a bracket: most texts have none, and building the pattern
    // cost more than masking a short message.
    if (!OPENING_BRACKET.test(text)) return;
    const pattern = this.#pattern(types);
    if (!pattern) return;
    for (const match of text.matchAll(pattern)) {
      const type = this.#typeForLabel(match[1] ?? '', types);
      if (type) this.#reserved.add(numberKey(type, Number(match[2])));
    }
  }

  /**
   * Placeholder-like text the citizen typed or quoted ("[PERSONNUMMER 1]") that already stands
   * for a real value of this conversation is given a placeholder of its own, which restores to
   * exactly the typed text. So a model that echoes it can never make restore() put somebody's
   * real data where the citizen wrote a placeholder. Unassigned ones stay (they are reserved).
   */
  shieldTyped(text: string, types: Iterable<PiiType>): string {
    return this.shieldFor(types)(text);
  }

  /** shieldTyped with the pattern compiled once, for the many pieces of one text. */
  shieldFor(types: Iterable<PiiType>): (text: string) => string {
    const list = [...types];
    let pattern: RegExp | undefined | null = null;
    return (text) => {
      // Cheap test first: no bracket, no placeholder.
      if (this.#byNumber.size === 0 || !OPENING_BRACKET.test(text)) return text;
      if (pattern === null) pattern = this.#pattern(list);
      if (!pattern) return text;
      return text.replace(pattern, (whole, label: string, digits: string) => {
        const type = this.#typeForLabel(label, list);
        if (!type || !this.#byNumber.has(numberKey(type, Number(digits)))) return whole;
        return this.placeholderFor({ type, text: whole });
      });
    };
  }

  /** The placeholder for this value, creating one if it is new. */
  placeholderFor(span: Pick<PiiSpan, 'type' | 'text'>): string {
    let values = this.#byValue.get(span.type);
    if (!values) {
      values = new Map();
      this.#byValue.set(span.type, values);
    }
    const existing = values.get(span.text);
    if (existing) return existing.placeholder;
    let number = this.#next.get(span.type) ?? 1;
    while (this.#reserved.size > 0 && this.#reserved.has(numberKey(span.type, number))) number++;
    this.#next.set(span.type, number + 1);
    const placeholder = formatPlaceholder(this.#registry.labelFor(span.type, this.locale), number);
    const entry: Entry = { type: span.type, number, original: span.text, placeholder };
    values.set(span.text, entry);
    this.#byNumber.set(numberKey(span.type, number), entry);
    return placeholder;
  }

  /**
   * Puts the original values back into any text that carries the placeholders, e.g. a model's
   * answer. Exact placeholders always work; mangled ones ("[Personnummer_1]", "<E-POST 2>",
   * the other language's label) are restored when unambiguous. Unknown placeholders stay.
   */
  restore(text: string): string {
    assertText(text, 'restore');
    const types = new Set([...this.#byNumber.values()].map((entry) => entry.type));
    const pattern = this.#pattern(types);
    if (!pattern) return text;
    return text.replace(pattern, (whole, label: string, digits: string) => {
      const type = this.#typeForLabel(label, types);
      const entry = type ? this.#byNumber.get(numberKey(type, Number(digits))) : undefined;
      return entry ? entry.original : whole;
    });
  }

  /** Forgets every mapping (for example when a conversation ends). */
  clear(): void {
    this.#byValue.clear();
    this.#byNumber.clear();
    this.#next.clear();
    this.#reserved.clear();
  }

  #labels(type: PiiType): string[] {
    return [this.#registry.labelFor(type, 'sv'), this.#registry.labelFor(type, 'en')];
  }

  #pattern(types: Iterable<PiiType>): RegExp | undefined {
    return placeholderPattern([...types].flatMap((type) => this.#labels(type)));
  }

  #typeForLabel(label: string, types: Iterable<PiiType>): PiiType | undefined {
    const key = labelKey(label);
    for (const type of types) {
      if (this.#labels(type).some((candidate) => labelKey(candidate) === key)) return type;
    }
    return undefined;
  }
}

const OPENING_BRACKET = /[[<{(]/;

function numberKey(type: PiiType, number: number): string {
  return `${type}\u0000${number}`;
}

/** Every type with a built-in label; used to reserve placeholder-like text before masking. */
export const BUILT_IN_TYPES: readonly PiiType[] = Object.keys(BUILT_IN_LABELS);
