import { checkFaithfulness, type FaithfulnessReport } from '../faithfulness/faithfulness.js';
import type { TaskSource } from './types.js';

/** A finished summary or rewrite with its faithfulness report, whatever wrote it. */
export interface CheckedOutput {
  readonly input: string;
  readonly output: string;
  readonly source: TaskSource;
  /** Numbers, dates, amounts, identifiers and names in the output that the input does not have. */
  readonly faithfulness: FaithfulnessReport;
}

export type FaithfulnessListener = (result: CheckedOutput) => void;

/** Checks `output` against `input` (and any context the caller gave) and tells the listener. */
export function reportFaithfulness(
  listener: FaithfulnessListener | undefined,
  input: string,
  output: string,
  source: TaskSource,
  contexts: readonly (string | undefined)[],
): CheckedOutput {
  const reference = [input, ...contexts.filter((c): c is string => Boolean(c))].join('\n\n');
  const result = { input, output, source, faithfulness: checkFaithfulness(output, reference) };
  listener?.(result);
  return result;
}
