import type { SentenceCue } from '../facts/cues.js';

/** Why a sentence was kept: what it is about, or `central` for the main topic. */
export type SelectionReason = SentenceCue | 'central';

/** What each sentence brings to the selection. */
export interface Candidate {
  readonly index: number;
  readonly words: number;
  readonly longWords: number;
  readonly cues: readonly SentenceCue[];
  /** Headings, greetings, signatures: not worth a place in a summary. */
  readonly boilerplate: boolean;
  /** How typical its content words are for the whole text, 0–1, independent of length. */
  readonly centrality: number;
}

/** Most important first: what a citizen must not miss. */
export const CUE_PRIORITY: readonly SentenceCue[] = [
  'decision',
  'repayment',
  'obligation',
  'deadline',
  'appeal',
  'amount',
];
const CUE_WEIGHT: Record<SentenceCue, number> = {
  decision: 4,
  repayment: 5,
  obligation: 4,
  deadline: 4,
  appeal: 4,
  amount: 3,
};

/** LIX of one sentence: its length plus its share of long words. */
export function difficulty(candidate: Candidate): number {
  return candidate.words + (100 * candidate.longWords) / Math.max(1, candidate.words);
}

/** LIX of a set of sentences, counted as `lix()` would count their text. */
export function lixOf(candidates: readonly Candidate[]): number {
  let words = 0;
  let longWords = 0;
  for (const candidate of candidates) {
    words += candidate.words;
    longWords += candidate.longWords;
  }
  if (words === 0) return 0;
  return words / candidates.length + (100 * longWords) / words;
}

interface Tally {
  readonly words: number;
  readonly longWords: number;
  readonly sentences: number;
}

function tallyOf(chosen: ReadonlyMap<number, Candidate>): Tally {
  let words = 0;
  let longWords = 0;
  for (const candidate of chosen.values()) {
    words += candidate.words;
    longWords += candidate.longWords;
  }
  return { words, longWords, sentences: chosen.size };
}

/** LIX of the tallied sentences plus one more, without rebuilding the list. */
function lixWith(tally: Tally, candidate: Candidate): number {
  const words = tally.words + candidate.words;
  if (words === 0) return 0;
  return words / (tally.sentences + 1) + (100 * (tally.longWords + candidate.longWords)) / words;
}

/** Higher is better: important content first, then central and easy sentences. */
export function score(candidate: Candidate, originalLix: number): number {
  const importance = candidate.cues.reduce((sum, cue) => sum + CUE_WEIGHT[cue], 0);
  const ease = (originalLix - difficulty(candidate)) / Math.max(1, originalLix);
  return Math.min(importance, 8) + 2 * candidate.centrality + 6 * ease;
}

/** Content a selection must keep whatever its length: the reader's duties, dates and rights. */
const MUST_KEEP: ReadonlySet<SentenceCue> = new Set([
  'repayment',
  'obligation',
  'deadline',
  'appeal',
]);

/**
 * Picks up to `budget` sentences, easier to read than the original:
 * 1. a small set covering every kind of important content the text has: greedily, the sentence
 *    that covers the most still-missing weight per unit of difficulty, preferring ones that keep
 *    the selection easier than the original;
 * 2. the best-scoring rest, but only sentences that keep it easier (the easiest first when it is
 *    not yet);
 * 3. while it still reads harder than the original: swap or drop its hardest sentence, first
 *    among those not needed for coverage, then among those only about the decision or an amount
 *    (both are in the key facts too); never one that is the only one about paying back, a duty,
 *    a deadline or an appeal.
 */
export function select(
  candidates: readonly Candidate[],
  budget: number,
  originalLix: number,
): Map<number, SelectionReason[]> {
  const usable = candidates.filter((c) => !c.boilerplate);
  const pool = usable.length > 0 ? usable : candidates;
  const chosen = new Map<number, Candidate>();
  const covered = new Set<SentenceCue>();
  // Duties, deadlines, paying back and appeal first; then the decision and amounts.
  for (const counts of [(cue: SentenceCue) => MUST_KEEP.has(cue), () => true]) {
    while (chosen.size < budget) {
      let best: Candidate | undefined;
      let bestGain = 0;
      let bestKeepsEasy = false;
      const tally = tallyOf(chosen);
      for (const candidate of pool) {
        if (chosen.has(candidate.index)) continue;
        const weight = candidate.cues
          .filter((cue) => counts(cue) && !covered.has(cue))
          .reduce((sum, cue) => sum + CUE_WEIGHT[cue], 0);
        if (weight === 0) continue;
        const keepsEasy = lixWith(tally, candidate) < originalLix;
        const gain = weight / Math.max(1, difficulty(candidate));
        if ((keepsEasy && !bestKeepsEasy) || (keepsEasy === bestKeepsEasy && gain > bestGain)) {
          best = candidate;
          bestGain = gain;
          bestKeepsEasy = keepsEasy;
        }
      }
      if (!best) break;
      chosen.set(best.index, best);
      for (const cue of best.cues) covered.add(cue);
    }
  }
  const required = new Set(chosen.keys());
  // Off-topic sentences (no content word shared with the rest) are never filler, however easy.
  const ranked = pool
    .filter((c) => !chosen.has(c.index) && (c.centrality > 0 || c.cues.length > 0))
    .sort((a, b) => score(b, originalLix) - score(a, originalLix) || a.index - b.index);
  while (chosen.size < budget && ranked.length > 0) {
    const tally = tallyOf(chosen);
    const easyEnough = lixOf([...chosen.values()]) < originalLix;
    const position = easyEnough
      ? ranked.findIndex((c) => lixWith(tally, c) < originalLix)
      : ranked.reduce(
          (easiest, c, k) => (difficulty(c) < difficulty(ranked[easiest]!) ? k : easiest),
          0,
        );
    if (position < 0) break;
    const [next] = ranked.splice(position, 1);
    chosen.set(next!.index, next!);
  }
  makeEasier(chosen, (c) => !required.has(c.index), pool, originalLix);
  makeEasier(chosen, (c) => !isOnlyOneAbout(c, chosen), pool, originalLix);
  const reasons = new Map<number, SelectionReason[]>();
  for (const [index, candidate] of chosen)
    reasons.set(index, candidate.cues.length > 0 ? [...candidate.cues] : ['central']);
  return reasons;
}

/** Whether this is the only chosen sentence about something the reader must not miss. */
function isOnlyOneAbout(candidate: Candidate, chosen: ReadonlyMap<number, Candidate>): boolean {
  return candidate.cues.some(
    (cue) =>
      MUST_KEEP.has(cue) &&
      ![...chosen.values()].some((other) => other !== candidate && other.cues.includes(cue)),
  );
}

function makeEasier(
  chosen: Map<number, Candidate>,
  removable: (candidate: Candidate) => boolean,
  pool: readonly Candidate[],
  originalLix: number,
): void {
  // Each round takes one sentence out for good, so the loop ends.
  const removed = new Set<number>();
  while (lixOf([...chosen.values()]) >= originalLix && chosen.size > 1) {
    const hardest = [...chosen.values()]
      .filter(removable)
      .sort((a, b) => difficulty(b) - difficulty(a) || b.index - a.index)[0];
    if (!hardest) return;
    removed.add(hardest.index);
    chosen.delete(hardest.index);
    const replacement = pool
      .filter(
        (c) =>
          !chosen.has(c.index) &&
          !removed.has(c.index) &&
          (c.centrality > 0 || c.cues.length > 0) &&
          difficulty(c) < difficulty(hardest),
      )
      .sort((a, b) => difficulty(a) - difficulty(b) || a.index - b.index)[0];
    if (replacement) chosen.set(replacement.index, replacement);
  }
}
