import type { ChatMessage } from '@klar/runtime';

const SYSTEM_SV =
  'Du är en skrivhjälp på en svensk myndighet. Skriv en kort sammanfattning på klarspråk: ' +
  'vanliga ord, korta meningar, du-tilltal, det viktigaste först. Ta bara med uppgifter som står ' +
  'i texten. Skriv av siffror, datum, belopp och namn exakt. Lägg inte till något.';

/** Chat messages asking for a plain-Swedish summary of one chunk of the source. */
export function summaryMessages(
  chunk: string,
  part?: { index: number; count: number },
): ChatMessage[] {
  const which = part && part.count > 1 ? ` (del ${part.index} av ${part.count})` : '';
  return [
    { role: 'system', content: SYSTEM_SV },
    { role: 'user', content: `Sammanfatta den här texten${which}:\n\n${chunk}` },
  ];
}
