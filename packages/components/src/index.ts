/**
 * @klar/components — classes, types and helpers, with no side effects. Import
 * `@klar/components/define` (or one element's define file) to register the tags.
 */

export { documentMatchesSchema, valueMatchesSchema } from '@klar/tasks';
export type { KlarDictateInsertDetail } from './klar-dictate/dictate-events.js';
export { KlarDictate } from './klar-dictate/klar-dictate.component.js';
export {
  type FieldInfo,
  type FormSchema,
  formSchema,
  labelOf,
} from './klar-form-assist/form-schema.js';
export { KlarFieldExplain } from './klar-form-assist/klar-field-explain.component.js';
export { KlarFieldProposal } from './klar-form-assist/klar-field-proposal.component.js';
export { KlarFormAssist } from './klar-form-assist/klar-form-assist.component.js';
export { KlarModelStatus } from './klar-model-status/klar-model-status.component.js';
export { KlarPiiGuard } from './klar-pii-guard/klar-pii-guard.component.js';
export { KlarReadability } from './klar-readability/klar-readability.component.js';
export {
  checkFaithfulness,
  type FaithfulnessReport,
  findClaims,
} from './klar-summary/faithfulness.js';
export { KlarSummary } from './klar-summary/klar-summary.component.js';
export {
  KlarTranslate,
  type KlarTranslateDoneDetail,
} from './klar-translate/klar-translate.component.js';
export {
  KlarContext,
  type KlarContextInit,
  klarContextFor,
  provideKlar,
} from './shared/context.js';
export type * from './shared/events.js';
export { en, sv, type Translation, translationFor } from './shared/i18n/localize.js';
export { type KlarPageSettings, klarPageSettings } from './shared/page-settings.js';
