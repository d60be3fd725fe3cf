/**
 * The model-free path, for views to show when no model can be used (and key facts always).
 * `Summarizer` never falls back to these silently: a view that shows the selection must say
 * it is a selection of sentences from the text, not a summary. Both come from @klar/text; every
 * item is a span of the input, so it can be linked to its place in the original.
 */
export {
  type ExtractiveSummary,
  type ExtractiveSummaryOptions,
  extractKeyFacts as keyFacts,
  type KeyFact,
  type KeyFactKind,
  type KeyFactsOptions,
  type SelectedSentence,
  summarizeExtractive as extractiveSummary,
} from '@klar/text';
