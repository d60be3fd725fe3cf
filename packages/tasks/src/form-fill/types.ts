import type { PromptLanguage } from '../shared/language.js';
import type { ProgressEvent, TaskEngine } from '../shared/types.js';

/** What kind of value a field takes, as the form's control says. */
export type FormFieldType =
  | 'text'
  | 'textarea'
  | 'email'
  | 'tel'
  | 'date'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'choice';

/**
 * One field of a form, as plain data: what the model needs to propose a value and what a
 * proposal must satisfy. `describeForm()` reads it from a native `<form>`; any other UI can
 * write it by hand.
 */
export interface FormFieldDescription {
  /** The name the value is submitted under. */
  readonly name: string;
  /** The visible label (for a radio group: its legend). */
  readonly label: string;
  readonly type: FormFieldType;
  readonly required?: boolean;
  /** For `choice`: the allowed values and their visible texts. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** A regular expression the whole value must match (as the HTML `pattern` attribute). */
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  /** `inputmode` of the control: `numeric` marks identifiers such as account numbers. */
  readonly inputMode?: string;
  /** The citizen already gave a value: the field is left out of the request, never proposed. */
  readonly filled?: boolean;
  /** The agency's own explanation of the field (`data-klar-help`). */
  readonly help?: string;
}

export interface FormDescription {
  /** What the form is about (its name or heading), for the model's context. */
  readonly title?: string;
  readonly fields: readonly FormFieldDescription[];
}

/** A proposed value, typed as the field takes it. */
export type FormFillValue = string | number | boolean;

export interface FormFillResult {
  /** Field name → proposed value; only valid values for fields the citizen left empty. */
  readonly values: Readonly<Record<string, FormFillValue>>;
  /** The model that proposed them (for the AI label). */
  readonly model: string;
  readonly backend?: 'webgpu' | 'wasm';
  /** The field list was left out of the prompt to fit the model's context. */
  readonly compact: boolean;
}

export interface ProposeFormValuesOptions {
  /** The form (see `describeForm()` for a native `<form>`). */
  readonly form: FormDescription;
  /** The citizen's own description of their situation. */
  readonly text: string;
  /** The engine running the model; pass the page's one so the page keeps one worker. */
  readonly engine: TaskEngine;
  /** Model id from the manifest. Default: the runtime's default for text generation. */
  readonly model?: string;
  /** Language of the prompt (the values stay in the citizen's words). Default: the page's. */
  readonly outputLanguage?: string;
  readonly signal?: AbortSignal;
  /** The runtime's progress events (download, backend), for a view. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

export type { PromptLanguage };
