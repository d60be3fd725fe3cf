export { createJsonSchemaConstraint } from './constraint.js';
export type {
  JsonSchemaConstraint,
  JsonSchemaConstraintOptions,
  TokenConstraint,
  TokenVocabulary,
} from './types.js';
export {
  type BuildVocabularyOptions,
  buildTokenVocabulary,
  type DecodingTokenizer,
} from './vocabulary.js';
