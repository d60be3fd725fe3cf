/**
 * Form fill: proposals for a form's empty fields from the citizen's own words, framework-free.
 * `describeForm()` reads a native `<form>` (browser); the rest is pure and runs anywhere.
 */
export { describeForm, type FormControl, labelOf, readForm } from './describe-form.js';
export { type ExplainFieldOptions, explainField, type FieldExplanation } from './explain.js';
export { FORM_FILL_PROMPTS } from './prompts.js';
export { proposeFormValues } from './propose.js';
export {
  answerBudget,
  buildFormFillRequest,
  type FormFillRequest,
  type FormFillRequestOptions,
  parseFormFillAnswer,
} from './request.js';
export {
  DEFAULT_MAX_LENGTH,
  documentMatchesSchema,
  type FormJsonSchema,
  fieldSchema,
  formJsonSchema,
  openFields,
  type PropertySchema,
  valueMatchesSchema,
} from './schema.js';
export type {
  FormDescription,
  FormFieldDescription,
  FormFieldType,
  FormFillResult,
  FormFillValue,
  ProposeFormValuesOptions,
} from './types.js';
