import type { PromptLanguage } from '../shared/language.js';
import type { FormFieldDescription } from './types.js';

interface FormFillPrompts {
  readonly system: string;
  readonly fieldsHeading: string;
  readonly descriptionHeading: string;
  readonly chooseOne: (options: string) => string;
  readonly booleanHint: string;
  readonly numberHint: string;
  readonly dateHint: string;
  readonly required: string;
}

/** One set per prompt language; the page's language picks it. */
export const FORM_FILL_PROMPTS: Readonly<Record<PromptLanguage, FormFillPrompts>> = {
  sv: {
    system:
      'Du hjälper en person att fylla i ett formulär hos en myndighet. Läs personens beskrivning och ' +
      'föreslå värden för formulärets fält som JSON. Använd bara uppgifter som står i beskrivningen. ' +
      'Skriv null för fält som beskrivningen inte nämner. Hitta aldrig på något. Uppgifter inom ' +
      'hakparentes, till exempel [PERSONNUMMER 1], är dolda värden: skriv dem exakt som de står.',
    fieldsHeading: 'Formulärets fält:',
    descriptionHeading: 'Personens beskrivning:',
    chooseOne: (options) => `(välj ett av: ${options})`,
    booleanHint: '(true eller null)',
    numberHint: '(ett tal)',
    dateHint: '(datum ÅÅÅÅ-MM-DD)',
    required: '[obligatoriskt]',
  },
  en: {
    system:
      "You help a person fill in a public authority's form. Read the person's description and " +
      "propose values for the form's fields as JSON. Use only facts stated in the description. " +
      'Write null for fields the description does not mention. Never make anything up. Values in ' +
      'square brackets, for example [PERSONAL ID 1], are hidden values: copy them exactly.',
    fieldsHeading: "The form's fields:",
    descriptionHeading: "The person's description:",
    chooseOne: (options) => `(choose one of: ${options})`,
    booleanHint: '(true or null)',
    numberHint: '(a number)',
    dateHint: '(date YYYY-MM-DD)',
    required: '[required]',
  },
};

/** One line per field: name, label, and what kind of value it takes. */
export function fieldLine(field: FormFieldDescription, prompts: FormFillPrompts): string {
  const parts = [`- ${field.name}: ${field.label}`];
  if (field.type === 'choice' && field.options)
    parts.push(prompts.chooseOne(field.options.map((o) => `"${o.value}" = ${o.label}`).join(', ')));
  else if (field.type === 'boolean') parts.push(prompts.booleanHint);
  else if (field.type === 'number' || field.type === 'integer') parts.push(prompts.numberHint);
  else if (field.type === 'date') parts.push(prompts.dateHint);
  if (field.required) parts.push(prompts.required);
  return parts.join(' ');
}
