/** Timing helpers shared by the text benchmarks. They print figures; nothing asserts on time. */

/**
 * MB/s of one timed stretch: fn runs over the text until at least minMs have passed. Counted
 * in this process's CPU time (user + system), not wall time: on a shared machine the wall
 * clock mostly measures the neighbours, while both contenders here run in this one process.
 */
export function rate(text: string, fn: (text: string) => unknown, minMs: number): number {
  const bytes = Buffer.byteLength(text, 'utf8');
  let runs = 0;
  const start = process.cpuUsage();
  let elapsed = 0;
  do {
    fn(text);
    runs++;
    const used = process.cpuUsage(start);
    elapsed = (used.user + used.system) / 1000;
  } while (elapsed < minMs);
  return (bytes * runs) / 1e6 / (elapsed / 1000);
}

/**
 * The machine is shared, so load changes while we measure. Contenders take turns in short
 * rounds and we report each one's median, so a busy moment hurts both alike.
 */
export function interleaved(
  text: string,
  contenders: Record<string, (text: string) => unknown>,
  rounds = 7,
  minMs = 300,
): Record<string, number> {
  const samples: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(contenders)) {
    fn(text); // warm-up
    samples[name] = [];
  }
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(contenders)) samples[name]!.push(rate(text, fn, minMs));
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [name, median(values)]),
  );
}
