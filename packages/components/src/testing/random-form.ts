/** Seeded random `<form>`s for property-style tests of the schema and constrained decoding. */
import { seededRandom } from '@klar/text/random';

/** Klar's one seeded PRNG, under the name the tests use. */
export const rng: (seed: number) => () => number = seededRandom;

const KINDS = [
  'text',
  'email',
  'tel',
  'date',
  'number',
  'checkbox',
  'select',
  'radio',
  'textarea',
  'postnummer',
  'regnr',
] as const;

export function randomFormHtml(seed: number, fields = 5): string {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const parts: string[] = [];
  for (let i = 0; i < fields; i++) {
    const kind = pick(KINDS);
    const id = `f${seed}_${i}`;
    const required = random() < 0.4 ? ' required' : '';
    const label = `<label for="${id}">Fält ${i + 1} (${kind})</label>`;
    switch (kind) {
      case 'select': {
        const n = 2 + Math.floor(random() * 3);
        const options = Array.from(
          { length: n },
          (_, k) => `<option value="v${k}">Val ${k}</option>`,
        ).join('');
        parts.push(
          `${label}<select id="${id}" name="${id}"${required}><option value="">Välj</option>${options}</select>`,
        );
        break;
      }
      case 'radio': {
        const n = 2 + Math.floor(random() * 2);
        const radios = Array.from(
          { length: n },
          (_, k) =>
            `<input type="radio" id="${id}_${k}" name="${id}" value="r${k}"${required}><label for="${id}_${k}">Alt ${k}</label>`,
        ).join('');
        parts.push(`<fieldset><legend>Grupp ${i + 1}</legend>${radios}</fieldset>`);
        break;
      }
      case 'textarea':
        parts.push(
          `${label}<textarea id="${id}" name="${id}" maxlength="${20 + Math.floor(random() * 40)}"${required}></textarea>`,
        );
        break;
      case 'number':
        parts.push(
          `${label}<input type="number" id="${id}" name="${id}" min="0" max="${1 + Math.floor(random() * 500)}"${required}>`,
        );
        break;
      case 'postnummer':
        parts.push(`${label}<input id="${id}" name="${id}" pattern="\\d{3} ?\\d{2}"${required}>`);
        break;
      case 'regnr':
        parts.push(
          `${label}<input id="${id}" name="${id}" pattern="[A-Z]{3}[0-9]{2}[A-Z0-9]"${required}>`,
        );
        break;
      case 'checkbox':
        parts.push(`<input type="checkbox" id="${id}" name="${id}">${label}`);
        break;
      default:
        parts.push(
          `${label}<input type="${kind}" id="${id}" name="${id}" maxlength="30"${required}>`,
        );
    }
  }
  return `<form>${parts.join('\n')}</form>`;
}
