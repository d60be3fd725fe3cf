// Vocabularies and a random driver shared by the constraint tests and benchmark.
import { seededRandom } from '@klar/text/random';
import type { TokenConstraint, TokenVocabulary } from '../src/constraints/index.js';

/** Deterministic PRNG so benchmark vocabularies are the same every run (Klar's one copy). */
export const prng: (seed: number) => () => number = seededRandom;

const WORDS =
  'name namn the och hej Stock holm Göte borg gatan väg en ett är på för med mail gmail example se com år född ålder Anna Erik Östersund Malmö true false null'.split(
    ' ',
  );
// Separated by '|' because several contain spaces.
const PUNCT =
  String.raw`{"|":|": "|":"|","|", "|"}|"| "|",|},|\n|\"|\\|\u00e5|.se|.com|@|-|--| -|  |12|123|2024|19|-0|0.|.5|00|{|}|, |: |åä|é`
    .split('|')
    .concat(['\n', '\t']); // raw JSON escapes above; real control characters here

/** ~400 tokens: every printable ASCII char alone, Swedish letters, JSON punctuation, words. */
export function realisticVocabulary(): TokenVocabulary {
  const pieces: string[] = ['', '']; // 0: EOS, 1: another special token
  for (let c = 0x20; c < 0x7f; c++) pieces.push(String.fromCharCode(c));
  pieces.push(...'åäöÅÄÖéüß€–'.split(''));
  for (const w of WORDS) pieces.push(w, ` ${w}`, `"${w}`, w.toUpperCase());
  pieces.push(...PUNCT, '😀', 'a😀', '\uFFFD', 'x\uFFFD'); // U+FFFD: a broken byte piece
  return { pieces, eosTokenIds: [0] };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzåäöéABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ';
const SYMBOLS = ' .,:;!?"\'()[]{}-_/\\@#%&*+=<>|0123456789\n\t';

/** `n` distinct pieces: all single printable chars plus random 2–12 char strings (mostly letters). */
export function syntheticVocabulary(n: number, seed = 1): TokenVocabulary {
  const rnd = prng(seed);
  const pick = (s: string) => s[Math.floor(rnd() * s.length)]!;
  const seen = new Set<string>();
  const pieces: string[] = [''];
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      pieces.push(p);
    }
  };
  for (let c = 0x20; c < 0x7f; c++) add(String.fromCharCode(c));
  for (const c of LETTERS + SYMBOLS) add(c);
  while (pieces.length < n) {
    const len = 2 + Math.floor(rnd() * rnd() * 11);
    let p = rnd() < 0.4 ? ' ' : '';
    while (p.length < len) p += rnd() < 0.85 ? pick(LETTERS) : pick(SYMBOLS);
    add(p);
  }
  return { pieces, eosTokenIds: [0] };
}

/** A GPT-2-shaped vocabulary: 50 257 ids, single bytes, then BPE-like growth of frequent words. */
export function gpt2LikeVocabulary(seed = 2): TokenVocabulary {
  const rnd = prng(seed);
  const syll = [
    'th',
    'e',
    'an',
    'in',
    'er',
    'on',
    're',
    'st',
    'ing',
    'al',
    'ed',
    'ou',
    'at',
    'en',
    'is',
    'or',
    'ar',
    'le',
    'ment',
    'tion',
    'ic',
    'ly',
    'ro',
    'co',
    'de',
    'ch',
    'ter',
    'ver',
    'pro',
    'con',
  ];
  const seen = new Set<string>();
  const pieces: string[] = [];
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      pieces.push(p);
    }
  };
  for (let c = 0x20; c < 0x7f; c++) add(String.fromCharCode(c));
  for (let c = 0xa1; c < 0x180; c++) add(String.fromCharCode(c));
  for (const p of [
    '\n',
    '\t',
    '  ',
    '    ',
    '\n\n',
    ' "',
    '":',
    '",',
    '{"',
    '"}',
    ' {',
    ' (',
    ').',
    '...',
  ])
    add(p);
  while (pieces.length < 50256) {
    let w = '';
    const n = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < n; k++) w += syll[Math.floor(rnd() * syll.length)];
    if (rnd() < 0.1) w = w[0]!.toUpperCase() + w.slice(1);
    if (rnd() < 0.05) w = String(Math.floor(rnd() * 1000));
    add(rnd() < 0.6 ? ` ${w}` : w);
  }
  pieces.push(''); // <|endoftext|>
  return { pieces, eosTokenIds: [50256] };
}

/** Drives a constraint with random allowed tokens until EOS; returns the text and step count. */
export function randomRun(
  constraint: TokenConstraint,
  vocabulary: TokenVocabulary,
  rnd: () => number,
  maxSteps = 5000,
): { text: string; steps: number } {
  const mask = new Uint8Array(vocabulary.pieces.length);
  const eos = new Set(vocabulary.eosTokenIds);
  for (let steps = 0; steps < maxSteps; steps++) {
    constraint.allowedTokens(mask);
    const allowed: number[] = [];
    for (let id = 0; id < mask.length; id++) if (mask[id] === 1) allowed.push(id);
    if (allowed.length === 0)
      throw new Error(`dead end after ${JSON.stringify(constraint.text())}`);
    // Prefer stopping once complete, like a model would, so runs stay short.
    const id =
      constraint.isComplete() && rnd() < 0.5
        ? [...eos][0]!
        : allowed[Math.floor(rnd() * allowed.length)]!;
    if (eos.has(id)) return { text: constraint.text(), steps };
    constraint.advance(id);
  }
  throw new Error(`no EOS within ${maxSteps} steps: ${JSON.stringify(constraint.text())}`);
}

/** EOS is id 0; then every printable ASCII char, Swedish letters, and `extra`. */
export function vocab(extra: string[] = []): TokenVocabulary {
  const pieces = [
    '',
    ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
    'å',
    'ä',
    'ö',
    'Ö',
    ...extra,
  ];
  return { pieces, eosTokenIds: [0] };
}

export function allowed(c: TokenConstraint, v: TokenVocabulary): string[] {
  const mask = new Uint8Array(v.pieces.length);
  c.allowedTokens(mask);
  return v.pieces.flatMap((p, id) => (mask[id] === 1 ? [id === 0 ? '<eos>' : p] : []));
}

export function feed(c: TokenConstraint, v: TokenVocabulary, ...pieces: string[]) {
  for (const p of pieces) c.advance(v.pieces.indexOf(p));
}
