// The languages Klar's own identifier can answer: CLD3's 107 (github.com/google/cld3, README
// "Supported Languages") as BCP 47 primary subtags, plus Sorani and Tigrinya, which Klar tells
// apart by spelling (text-evidence.ts), and the Dari tags it reports for Persian on request.
const CLD3_LANGUAGES =
  'af am ar bg bn bs ca ceb co cs cy da de el en eo es et eu fa fi fil fr fy ga gd gl gu ha haw hi hmn hr ht hu hy id ig is it he ja jv ka kk km kn ko kmr ky la lb lo lt lv mg mi mk ml mn mr ms mt my ne nl no ny pa pl ps pt ro ru sd si sk sl sm sn so sq sr st su sv sw ta te tg th tr uk ur uz vi xh yi yo zh zu';

const SUPPORTED = new Set([...CLD3_LANGUAGES.split(' '), 'ku', 'ckb', 'ti', 'prs']);

/** Whether Klar's identifier can answer this BCP 47 tag (by its primary language subtag). */
export function canIdentify(tag: string): boolean {
  return SUPPORTED.has(tag.toLowerCase().split(/[-_]/)[0] ?? '');
}
