import type { ChatMessage } from '@klar/runtime';
import type { PromptLanguage } from '../shared/language.js';
import type { LengthBudget, SummarizerFormat, SummarizerType } from './options.js';

/** Everything a summary prompt depends on. */
export interface SummaryPromptInput {
  readonly language: PromptLanguage;
  readonly type: SummarizerType;
  readonly format: SummarizerFormat;
  readonly budget: LengthBudget;
  readonly sharedContext?: string;
  readonly context?: string;
  readonly text: string;
}

interface Phrases {
  readonly system: string;
  readonly task: Record<SummarizerType, (budget: LengthBudget) => string>;
  readonly format: Record<SummarizerFormat, string>;
  readonly background: string;
  readonly request: string;
  readonly part: (index: number, count: number) => string;
  readonly partTask: string;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const SV: Phrases = {
  system:
    'Du är en skrivhjälp på en svensk myndighet. Skriv på klarspråk: vanliga ord, korta meningar, ' +
    'du-tilltal, det viktigaste först. Ta bara med uppgifter som står i texten. Skriv av siffror, ' +
    'datum, belopp och namn exakt. Lägg inte till något. Svara på svenska.',
  task: {
    tldr: (b) => `Sammanfatta texten i högst ${b.units} ${plural(b.units, 'mening', 'meningar')}.`,
    teaser: (b) =>
      `Skriv en kort ingress på högst ${b.units} ${plural(b.units, 'mening', 'meningar')} som får läsaren att vilja läsa texten.`,
    'key-points': (b) =>
      `Skriv de viktigaste punkterna i texten som en punktlista med högst ${b.units} punkter, en per rad.`,
    headline: (b) => `Skriv en rubrik för texten med högst ${b.units} ord, på en rad.`,
  },
  format: {
    'plain-text': 'Använd vanlig text utan Markdown. Punkter börjar med "• ".',
    markdown: 'Använd Markdown. Punkter börjar med "- ".',
  },
  background: 'Bakgrund',
  request: 'Text',
  part: (index, count) => `Det här är del ${index} av ${count} av en längre text.`,
  partTask:
    'Skriv de viktigaste uppgifterna i den här delen som en kort punktlista. Ta med belopp, datum, frister och vad mottagaren ska göra.',
};

const EN: Phrases = {
  system:
    'You are a writing assistant at a public agency. Write in plain language: common words, short ' +
    'sentences, address the reader as "you", most important first. Only include facts stated in ' +
    'the text. Copy numbers, dates, amounts and names exactly. Add nothing. Answer in English.',
  task: {
    tldr: (b) =>
      `Summarise the text in at most ${b.units} ${plural(b.units, 'sentence', 'sentences')}.`,
    teaser: (b) =>
      `Write a short teaser of at most ${b.units} ${plural(b.units, 'sentence', 'sentences')} that makes the reader want to read the text.`,
    'key-points': (b) =>
      `Write the key points of the text as a bulleted list of at most ${b.units} points, one per line.`,
    headline: (b) => `Write a headline for the text of at most ${b.units} words, on one line.`,
  },
  format: {
    'plain-text': 'Use plain text, no Markdown. Bullets start with "• ".',
    markdown: 'Use Markdown. Bullets start with "- ".',
  },
  background: 'Background',
  request: 'Text',
  part: (index, count) => `This is part ${index} of ${count} of a longer text.`,
  partTask:
    'Write the most important facts of this part as a short bulleted list. Keep amounts, dates, deadlines and what the reader must do.',
};

const PHRASES: Record<PromptLanguage, Phrases> = { sv: SV, en: EN };

function userMessage(p: Phrases, instruction: string, input: SummaryPromptInput): string {
  const background = [input.sharedContext, input.context].filter((c) => c?.trim()).join('\n');
  return [
    instruction,
    background ? `${p.background}: ${background}` : '',
    `${p.request}:\n${input.text}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The messages for the final summary, in the output language. */
export function summaryMessages(input: SummaryPromptInput): ChatMessage[] {
  const p = PHRASES[input.language];
  const instruction = `${p.task[input.type](input.budget)} ${p.format[input.format]}`;
  return [
    { role: 'system', content: p.system },
    { role: 'user', content: userMessage(p, instruction, input) },
  ];
}

/** The messages for one part of a long text, on the way to the final summary. */
export function partMessages(
  input: Omit<SummaryPromptInput, 'type' | 'budget'>,
  part: { readonly index: number; readonly count: number },
): ChatMessage[] {
  const p = PHRASES[input.language];
  const instruction = `${p.part(part.index, part.count)} ${p.partTask} ${p.format[input.format]}`;
  return [
    { role: 'system', content: p.system },
    {
      role: 'user',
      content: userMessage(p, instruction, {
        ...input,
        type: 'key-points',
        budget: { unit: 'item', units: 5, maxNewTokens: 0 },
      }),
    },
  ];
}
