import type { FoundFact } from './types.js';

const MONTHS: ReadonlyArray<readonly string[]> = [
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb'],
  ['mars', 'march', 'mar'],
  ['april', 'apr'],
  ['maj', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['augusti', 'august', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];
const MONTH_NUMBER = new Map(
  MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);
const MONTH_NAMES = [...MONTH_NUMBER.keys()];
// Longest first, so "januari" wins over "jan"; an abbreviation's dot only when a number follows
// ("15 apr. 2026"), so a sentence's full stop stays outside the date.
const MONTH = `(?:${MONTH_NAMES.filter((name) => name.length > 4)
  .sort((a, b) => b.length - a.length)
  .join('|')}|(?:${MONTH_NAMES.filter((name) => name.length <= 4).join('|')})(?:\\.(?=\\s?\\d))?)`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const WEEKDAY = String.raw`(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:en)?,?\s`;

/**
 * One date as written: "2026-03-01", "1 mars 2026", "den 1:a mars", "1st March 2026",
 * "March 1, 2026", "mars 2026", "1/3 2026" (a bare "1/3" is too often a fraction). Named groups give the parts for ISO form.
 */
const DATE_SOURCE = [
  String.raw`(?<iy>${YEAR})-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01])`,
  String.raw`(?:${WEEKDAY})?(?<sd>${DAY})(?::[ae]|st|nd|rd|th)?\s(?:of\s)?(?<sm>${MONTH})(?:,?\s(?<sy>${YEAR}))?`,
  String.raw`(?:${WEEKDAY})?(?<em>${MONTH})\s(?<ed>${DAY})(?:st|nd|rd|th)?(?:,?\s(?<ey>${YEAR}))?`,
  String.raw`(?<nd>${DAY})\/(?<nm>0?[1-9]|1[0-2])[\s/-](?<ny>${YEAR})`,
  String.raw`(?<mm>${MONTH})\s(?<my>${YEAR})`,
].join('|');
const DATE = new RegExp(`(?<![\\p{L}\\d/-])(?:${DATE_SOURCE})(?![\\p{L}\\d]|-\\d)`, 'giu');

/** Between two dates: "1 mars–31 augusti 2026", "from 1 March to 31 August", "t.o.m.". */
const PERIOD_JOIN =
  /^\s*(?:[–—-]|till och med|t\.o\.m\.|till|up to and including|to and including|to|until|through)\s*(?:den\s|the\s)?$/iu;
/** "mellan 1 mars och 31 maj", "between … and …": only with the lead word, else any two dates pair up. */
const PERIOD_AND = /^\s(?:och|and)\s(?:den\s|the\s)?$/iu;
const BETWEEN = /(?:mellan|between)\s(?:den\s|the\s)?$/iu;
const PERIOD_LEAD = /(?:från och med|fr\.o\.m\.|från|mellan|perioden|from|between)\s(?:den\s)?$/iu;
/** "1–31 mars 2026", "1-15 May", "januari–juni 2026": a range of days or of months. */
const DAY_RANGE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${DAY}\s?[–—-]\s?${DAY}\s(?:${MONTH})(?:\s${YEAR})?|(?:${MONTH})\s?[–—-]\s?(?:${MONTH})\s${YEAR})(?![\p{L}\d])`,
  'giu',
);

const NUMBER_WORDS =
  '\\d{1,3}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|fjorton|femton|tjugo|trettio|sextio|nittio|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|sixty|ninety';
const UNIT =
  'dagar|dag|veckor|vecka|månader|månad|år|arbetsdagar|arbetsdag|days|day|weeks|week|months|month|years|year|working days|working day|business days';
/**
 * "inom två månader", "within three weeks", "inom 14 dagar från den dag du fick beslutet",
 * "senast 30 dagar efter …".
 */
const RELATIVE_DEADLINE = new RegExp(
  `(?<!\\p{L})(?:inom|within|senast|no later than|not later than)\\s(?:${NUMBER_WORDS})\\s(?:${UNIT})(?!\\p{L})(?:\\s(?:från|efter|räknat från|of|from|after)\\s(?:[^.,;:!?\\n]|\\n(?!\\n)){1,60}?(?=[.,;:!?]|\\n\\n|\\soch\\s|\\sand\\s|$))?`,
  'giu',
);
/** Words right before a date that make it a deadline. */
const DEADLINE_LEAD =
  /(?:(?:senast|sista dag(?:en)?(?:\s[^.,;:!?\n]{0,40}?)?\s(?:är|blir)|före|innan|by|no later than|not later than|before|deadline(?: is)?|last day(?:\s[^.,;:!?\n]{0,40}?)?\sis|due(?: on| by)?)\s(?:\p{L}+dag(?:en)?,?\s|\p{L}+day,?\s)?|(?:sista (?:\p{L}+)?dag(?:en)?|sista \p{L}*dag|förfallodag|förfallodatum|betala senast|svara senast|due date|payment due|deadline|last day[^.:\n]{0,30})\s?:\s)(?:den\s|the\s|on\s)?$/iu;
/** A cheap first look, so the anchored search above runs only near a deadline word. */
const DEADLINE_WORD = /senast|sista|före|innan|by|later|before|deadline|last|förfallo|due/i;
const LEAD_WINDOW = 80;

/** Dates, periods and deadlines, each as a span of the text. */
export function findDatesAndDeadlines(text: string): FoundFact[] {
  const dates = [...text.matchAll(DATE)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    iso: isoOf(match.groups ?? {}),
  }));
  const facts: FoundFact[] = [];
  const used = new Set<number>();
  for (let i = 0; i < dates.length; i++) {
    if (used.has(i)) continue;
    const date = dates[i]!;
    const next = dates[i + 1];
    const before = text.slice(Math.max(0, date.start - LEAD_WINDOW), date.start);
    const gap = next ? text.slice(date.end, next.start) : '';
    if (next && (PERIOD_JOIN.test(gap) || (PERIOD_AND.test(gap) && BETWEEN.test(before)))) {
      const lead = PERIOD_LEAD.exec(before);
      facts.push({
        kind: 'period',
        start: lead ? date.start - lead[0].length : date.start,
        end: next.end,
      });
      used.add(i + 1);
      continue;
    }
    const lead = DEADLINE_WORD.test(before) ? DEADLINE_LEAD.exec(before) : null;
    if (lead) {
      facts.push({ kind: 'deadline', start: date.start - lead[0].length, end: date.end });
      continue;
    }
    facts.push({
      kind: 'date',
      start: date.start,
      end: date.end,
      ...(date.iso ? { isoDate: date.iso } : {}),
    });
  }
  for (const match of text.matchAll(DAY_RANGE)) {
    const start = match.index;
    const end = start + match[0].length;
    // The day range wins over the single date inside it ("15 mars" in "1–15 mars").
    for (let k = facts.length - 1; k >= 0; k--) {
      const fact = facts[k]!;
      if (fact.kind === 'date' && fact.start >= start && fact.end <= end) facts.splice(k, 1);
    }
    if (!facts.some((fact) => fact.start < end && start < fact.end))
      facts.push({ kind: 'period', start, end });
  }
  for (const match of text.matchAll(RELATIVE_DEADLINE))
    facts.push({
      kind: 'deadline',
      start: match.index,
      end: match.index + match[0].trimEnd().length,
    });
  return facts.sort((a, b) => a.start - b.start);
}

function isoOf(groups: Record<string, string | undefined>): string | undefined {
  const year = groups.iy ?? groups.sy ?? groups.ey ?? groups.ny;
  const monthText = groups.im ?? groups.sm ?? groups.em ?? groups.nm;
  const day = groups.id ?? groups.sd ?? groups.ed ?? groups.nd;
  if (!year || !monthText || !day) return undefined;
  const month = /^\d+$/.test(monthText)
    ? Number(monthText)
    : MONTH_NUMBER.get(monthText.toLowerCase().replace(/\.$/, ''));
  if (!month) return undefined;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  // 31 februari is no date: the ISO form must round-trip through the calendar.
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso
    ? undefined
    : iso;
}
