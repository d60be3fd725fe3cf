import { KlarError } from '../errors.js';
import type { JsonSchema } from '../types.js';
import { ArraySegment, MAX_ITEMS } from './array-segment.js';
import { type Alternative, LiteralSegment } from './literal-segment.js';
import { NumberSegment } from './number-segment.js';
import { numberRules, stringRules } from './rules.js';
import { StringSegment } from './string-segment.js';
import { DONE, type JsonSchemaConstraintOptions, type Segment } from './types.js';

/** The document grammar: segments that hand over to one another, ending in DONE. */
export interface Grammar {
  readonly segments: readonly Segment[];
  readonly start: number;
  readonly warnings: readonly string[];
}

interface ValueStart {
  readonly segment: number;
  /** `null` may be written instead (the key choice offers it). */
  readonly nullable: boolean;
}

type Schema = Readonly<Record<string, unknown>>;

export function compileGrammar(
  schema: JsonSchema,
  singles: ReadonlySet<number>,
  options: JsonSchemaConstraintOptions = {},
): Grammar {
  const c = new Compiler(singles, options);
  const top = c.value(schema, '', DONE);
  if (top.nullable) c.warnings.push('/: a nullable top-level value is generated without null');
  return { segments: c.segments, start: top.segment, warnings: c.warnings };
}

class Compiler {
  readonly segments: Segment[] = [];
  readonly warnings: string[] = [];
  private readonly spaces: readonly string[];

  constructor(
    private readonly singles: ReadonlySet<number>,
    private readonly options: JsonSchemaConstraintOptions,
  ) {
    this.spaces = options.whitespace === 'none' ? [''] : ['', ' '];
  }

  value(schema: Schema, pointer: string, follow: number): ValueStart {
    const types = typeList(schema.type);
    const nullable = types.includes('null');
    const base = types.filter((t) => t !== 'null');
    if (Array.isArray(schema.enum) || 'const' in schema) {
      const values = Array.isArray(schema.enum) ? schema.enum : [schema.const];
      const texts = values.map((v) => JSON.stringify(v));
      return { segment: this.literal(texts, follow, pointer), nullable: false };
    }
    for (const key of ['anyOf', 'oneOf', 'allOf', '$ref', 'not', 'if']) {
      if (key in schema) unsupported(pointer, `'${key}'`);
    }
    if (base.length > 1) this.warn(pointer, `several types; only '${base[0]}' is generated`);
    const type = base[0] ?? (nullable ? 'null' : 'string');
    if (base.length === 0 && !nullable) this.warn(pointer, "no 'type'; a string is generated");
    switch (type) {
      case 'object':
        return { segment: this.object(schema, pointer, follow), nullable };
      case 'string': {
        const rules = stringRules(schema, pointer, this.options, this.warnings);
        const seg = new StringSegment(rules, this.singles, follow);
        if (!seg.satisfiable)
          unspellable(pointer, 'any string that fits its pattern/format and length bounds');
        return { segment: this.add(seg), nullable };
      }
      case 'integer':
      case 'number': {
        const rules = numberRules(schema, type === 'integer', pointer, this.warnings);
        const seg = new NumberSegment(rules, follow);
        // Completing a number may need any digit, so all ten must exist as tokens.
        const digits = [...'0123456789'].every((d) => this.singles.has(d.charCodeAt(0)));
        if (!digits || !seg.satisfiable)
          unspellable(pointer, 'a number in its range (needs digits 0-9)');
        return { segment: this.add(seg), nullable };
      }
      case 'array':
        return { segment: this.array(schema, pointer, follow), nullable };
      case 'boolean':
        return { segment: this.literal(['true', 'false'], follow, pointer), nullable };
      case 'null':
        return { segment: this.literal(['null'], follow, pointer), nullable: false };
      default:
        return unsupported(pointer, `type '${type}'`);
    }
  }

  /** Keys in schema order; an optional key may be skipped (omitted), a required one may not. */
  private object(schema: Schema, pointer: string, follow: number): number {
    const props = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    for (const name of required) {
      if (!props.some(([key]) => key === name)) {
        this.warn(pointer, `required '${name}' has no entry in 'properties' and is not generated`);
      }
    }
    for (const [key] of props) {
      // An optional key the vocabulary can't spell would silently never be generated.
      const missing = this.missing(`{${JSON.stringify(key)}:,}`);
      if (missing)
        unspellable(
          pointer,
          `key ${JSON.stringify(key)} (missing single-character tokens: ${missing})`,
        );
    }
    const after = props.map(() => this.add(placeholder));
    const starts = props.map(([key, sub], j) =>
      this.value(sub, `${pointer}/properties/${escapePointer(key)}`, after[j]!),
    );
    const choice = (from: number, opener: readonly string[], close: string): Alternative[] => {
      const alts: Alternative[] = [];
      for (let k = from; k < props.length; k++) {
        const key = JSON.stringify(props[k]![0]);
        for (const open of opener) {
          for (const sp of this.spaces) {
            alts.push({ text: `${open}${key}:${sp}`, target: starts[k]!.segment });
            if (starts[k]!.nullable)
              alts.push({ text: `${open}${key}:${sp}null`, target: after[k]! });
          }
        }
        if (required.has(props[k]![0])) return alts;
      }
      alts.push({ text: close, target: follow });
      return alts;
    };
    const commas = this.spaces.map((sp) => `,${sp}`);
    props.forEach((_, j) => {
      this.segments[after[j]!] = this.literalOf(choice(j + 1, commas, '}'), pointer);
    });
    return this.add(this.literalOf(choice(0, ['{'], '{}'), pointer));
  }

  /** Arrays of enum values only (checkbox groups, multi-selects). */
  private array(schema: Schema, pointer: string, follow: number): number {
    const items = (schema.items ?? {}) as Schema;
    const values = Array.isArray(items.enum)
      ? items.enum
      : 'const' in items
        ? [items.const]
        : items.type === 'boolean'
          ? [true, false]
          : unsupported(pointer, 'an array whose items are not an enum');
    if (values.length > 30) unsupported(pointer, 'an array of more than 30 enum values');
    const unique = schema.uniqueItems === true;
    const minItems = Math.max(0, Math.ceil(num(schema.minItems) ?? 0));
    const cap = unique ? values.length : 10;
    const maxItems = Math.min(Math.floor(num(schema.maxItems) ?? cap), cap, MAX_ITEMS);
    if (minItems > maxItems)
      unsupported(pointer, `minItems ${minItems} with at most ${maxItems} items`);
    const rules = {
      items: values.map((v) => JSON.stringify(v)),
      minItems,
      maxItems,
      unique,
      space: this.spaces.length > 1,
    };
    const seg = new ArraySegment(rules, this.singles, follow);
    if (ArraySegment.bitsNeeded(seg.nodes, values.length, unique) > 40) {
      unsupported(pointer, 'an array with this many long enum values');
    }
    if (!seg.satisfiable) unspellable(pointer, 'enough of its items (or [ , ])');
    return this.add(seg);
  }

  private literal(texts: readonly string[], follow: number, pointer: string): number {
    return this.add(
      this.literalOf(
        texts.map((text) => ({ text, target: follow })),
        pointer,
      ),
    );
  }

  private literalOf(alts: readonly Alternative[], pointer: string): LiteralSegment {
    const seg = new LiteralSegment(alts, this.singles);
    if (!seg.satisfiable) {
      const missing = this.missing(alts.map((a) => a.text).join(''));
      unspellable(pointer, `its literal text (missing single-character tokens: ${missing})`);
    }
    return seg;
  }

  private missing(text: string): string {
    return [...new Set(text)].filter((ch) => !this.singles.has(ch.codePointAt(0)!)).join(' ');
  }

  private add(seg: Segment): number {
    this.segments.push(seg);
    return this.segments.length - 1;
  }

  private warn(pointer: string, message: string): void {
    this.warnings.push(`${pointer || '/'}: ${message}`);
  }
}

const placeholder: Segment = { start: 0, step: () => -1, next: () => -1 };

function typeList(type: unknown): string[] {
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unsupported(pointer: string, what: string): never {
  throw new KlarError(
    'invalid-input',
    `JSON schema at ${pointer || '/'}: ${what} is not supported by constrained decoding.`,
  );
}

function unspellable(pointer: string, what: string): never {
  throw new KlarError(
    'invalid-input',
    `JSON schema at ${pointer || '/'}: the vocabulary can't spell ${what}.`,
  );
}
