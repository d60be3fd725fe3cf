import type { ChatMessage } from '@klar/runtime';
import type { PromptLanguage } from '../shared/language.js';
import type {
  PlainLanguageLevel,
  RewriterFormat,
  RewriterLength,
  RewriterTone,
} from './options.js';

export interface RewritePromptInput {
  readonly language: PromptLanguage;
  readonly tone: RewriterTone;
  readonly format: RewriterFormat;
  readonly length: RewriterLength;
  readonly plainLanguage?: PlainLanguageLevel;
  readonly sharedContext?: string;
  readonly context?: string;
  readonly text: string;
}

interface Phrases {
  readonly system: string;
  readonly plain: Record<PlainLanguageLevel, string>;
  readonly tone: Record<RewriterTone, string>;
  readonly format: Record<RewriterFormat, string>;
  readonly length: Record<RewriterLength, string>;
  readonly task: string;
  readonly background: string;
  readonly request: string;
}

const SV: Phrases = {
  system:
    'Du är en skrivhjälp på en svensk myndighet. Du skriver om texter så att de blir lätta att ' +
    'förstå, utan att ändra vad de betyder. Behåll alla uppgifter: siffror, datum, belopp, frister ' +
    'och namn ska stå exakt som i originalet. Lägg inte till något. Svara bara med den omskrivna ' +
    'texten, på svenska.',
  plain: {
    klarspråk:
      'Skriv på klarspråk: vanliga ord, korta meningar, aktiva verb, du-tilltal och det viktigaste först.',
    lättläst:
      'Skriv på lättläst svenska: mycket korta meningar med en sak i varje, de vanligaste orden, ' +
      'inga långa sammansatta ord, inga förkortningar, du-tilltal. Förklara svåra ord med enkla ord.',
  },
  tone: {
    'more-formal': 'Gör tonen mer formell.',
    'as-is': 'Behåll tonen.',
    'more-casual': 'Gör tonen mer vardaglig, men fortfarande saklig.',
  },
  format: {
    'as-is': 'Behåll textens form.',
    'plain-text': 'Använd vanlig text utan Markdown.',
    markdown: 'Använd Markdown.',
  },
  length: {
    shorter: 'Gör texten kortare.',
    'as-is': 'Behåll ungefär samma längd.',
    longer: 'Du får göra texten längre om det gör den tydligare.',
  },
  task: 'Skriv om texten.',
  background: 'Bakgrund',
  request: 'Text',
};

const EN: Phrases = {
  system:
    'You are a writing assistant at a public agency. You rewrite texts so they are easy to ' +
    'understand, without changing what they mean. Keep every fact: numbers, dates, amounts, ' +
    'deadlines and names exactly as in the original. Add nothing. Answer only with the rewritten ' +
    'text, in English.',
  plain: {
    klarspråk:
      'Write in plain language: common words, short sentences, active verbs, address the reader as "you", most important first.',
    lättläst:
      'Write in easy-to-read English: very short sentences with one idea each, the most common ' +
      'words, no abbreviations, address the reader as "you". Explain hard words with simple words.',
  },
  tone: {
    'more-formal': 'Make the tone more formal.',
    'as-is': 'Keep the tone.',
    'more-casual': 'Make the tone more casual, but still factual.',
  },
  format: {
    'as-is': 'Keep the form of the text.',
    'plain-text': 'Use plain text, no Markdown.',
    markdown: 'Use Markdown.',
  },
  length: {
    shorter: 'Make the text shorter.',
    'as-is': 'Keep about the same length.',
    longer: 'You may make the text longer if that makes it clearer.',
  },
  task: 'Rewrite the text.',
  background: 'Background',
  request: 'Text',
};

const PHRASES: Record<PromptLanguage, Phrases> = { sv: SV, en: EN };

/** The messages asking the model to rewrite `text`, in the output language. */
export function rewriteMessages(input: RewritePromptInput): ChatMessage[] {
  const p = PHRASES[input.language];
  const instruction = [
    p.task,
    input.plainLanguage ? p.plain[input.plainLanguage] : '',
    p.tone[input.tone],
    p.format[input.format],
    p.length[input.length],
  ]
    .filter(Boolean)
    .join(' ');
  const background = [input.sharedContext, input.context].filter((c) => c?.trim()).join('\n');
  const user = [
    instruction,
    background ? `${p.background}: ${background}` : '',
    `${p.request}:\n${input.text}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return [
    { role: 'system', content: p.system },
    { role: 'user', content: user },
  ];
}

/** New tokens a rewrite of `inputTokens` may take: room for the text again, more when longer. */
export function rewriteMaxNewTokens(inputTokens: number, length: RewriterLength): number {
  const factor = length === 'shorter' ? 1 : length === 'as-is' ? 1.5 : 2;
  return Math.max(32, Math.ceil(inputTokens * factor) + 16);
}
