import type { FieldInfo } from './form-schema.js';

/** Labels everyone knows: never worth a tab stop of their own. */
const PLAIN =
  /^(namn|förnamn|efternamn|e-?post|e-?postadress|telefon|telefonnummer|mobilnummer|adress|name|first name|last name|e-?mail|email address|phone|phone number|address)$/i;

/** A word this long is usually an official compound ("inflyttningsdatum", "bostadsbidrag"). */
const LONG_WORD = 13;

function marked(field: FieldInfo): boolean {
  return field.controls.some((c) => c.hasAttribute('data-klar-explain') || c.dataset.klarHelp);
}

function needsExplaining(field: FieldInfo): boolean {
  if (PLAIN.test(field.label.trim())) return false;
  return field.label.split(/[\s/()-]+/).some((word) => [...word].length >= LONG_WORD);
}

/**
 * The fields that get an explanation toggle. The agency decides by marking fields
 * (`data-klar-explain`, or `data-klar-help` with its own text); without any mark, only fields
 * whose label has a long official word, so everyday labels cost no extra tab stop.
 */
export function explainTargets(fields: readonly FieldInfo[]): FieldInfo[] {
  const chosen = fields.filter(marked);
  return chosen.length ? chosen : fields.filter(needsExplaining);
}
