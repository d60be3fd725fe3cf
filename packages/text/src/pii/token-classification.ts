import type { AsyncRecognizer, PiiType } from './types.js';

/** One entity as a token-classification pipeline reports it (character offsets). */
export interface ClassifiedEntity {
  start: number;
  end: number;
  /** Model label, e.g. 'PER', 'B-LOC', 'ORG'. */
  label: string;
  score: number;
}

export interface TokenClassificationRecognizerOptions {
  id?: string;
  /** Runs the model; the runtime package supplies this. */
  classify: (text: string, signal?: AbortSignal) => Promise<readonly ClassifiedEntity[]>;
  /** Model label (without B-/I- prefix) → PII type. Default: PER → person-name, LOC → place. */
  labelMap?: Readonly<Record<string, PiiType>>;
  /** Ignore entities scored below this. Default 0.5. */
  minScore?: number;
}

const DEFAULT_LABELS: Readonly<Record<string, PiiType>> = {
  PER: 'person-name',
  PERSON: 'person-name',
  LOC: 'place',
  LOCATION: 'place',
  GPE: 'place',
};

/** The plug-in point for a model-based recogniser of names and places. */
export function createTokenClassificationRecognizer(
  options: TokenClassificationRecognizerOptions,
): AsyncRecognizer {
  const labelMap = options.labelMap ?? DEFAULT_LABELS;
  const minScore = options.minScore ?? 0.5;
  const types = [...new Set(Object.values(labelMap))];
  return {
    id: options.id ?? 'token-classification',
    types,
    async detectAsync(text, signal) {
      const entities = await options.classify(text, signal);
      const found: MutableCandidate[] = [];
      const sorted = [...entities]
        .filter(
          (entity) =>
            Number.isInteger(entity.start) &&
            Number.isInteger(entity.end) &&
            entity.end > entity.start,
        )
        .sort((a, b) => a.start - b.start);
      for (const entity of sorted) {
        const type = labelMap[entity.label.replace(/^[BIES]-/, '').toUpperCase()];
        if (!type || entity.score < minScore) continue;
        const previous = found[found.length - 1];
        if (previous && previous.type === type && continues(text, previous.end, entity)) {
          // Word pieces and I- tags of one name become one span ("Anna" + "Berg" → "Anna Berg").
          previous.end = Math.max(previous.end, entity.end);
          previous.confidence = Math.min(previous.confidence, entity.score);
          continue;
        }
        found.push({
          start: entity.start,
          end: entity.end,
          type,
          valid: true,
          confidence: entity.score,
        });
      }
      return found;
    },
  };
}

interface MutableCandidate {
  start: number;
  end: number;
  type: PiiType;
  valid: boolean;
  confidence: number;
}

/** Does this entity continue the previous one: touching, or one space away and not a new B- tag? */
function continues(text: string, previousEnd: number, entity: ClassifiedEntity): boolean {
  if (entity.start < previousEnd) return true;
  if (entity.label.startsWith('B-'))
    return entity.start === previousEnd && !/\s/.test(text[entity.start] ?? '');
  const gap = text.slice(previousEnd, entity.start);
  return gap.length <= 1 && gap.trim() === '';
}
