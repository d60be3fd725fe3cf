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

/**
 * Per-round MB/s of each contender, with the contenders alternating call by call inside a
 * round (each call timed on its own), so a change of load on the shared machine falls on both
 * alike; a round ends when every contender has used at least minMs of CPU. For calls that take
 * milliseconds (the timer's own cost is microseconds). Returns each contender's MB/s per round,
 * in round order.
 */
export function alternatingSamples(
  text: string,
  contenders: Record<string, (text: string) => unknown>,
  rounds = 9,
  minMs = 300,
): Record<string, number[]> {
  const entries = Object.entries(contenders);
  const bytes = Buffer.byteLength(text, 'utf8');
  const samples: Record<string, number[]> = {};
  for (const [name, fn] of entries) {
    fn(text); // warm-up
    samples[name] = [];
  }
  for (let round = 0; round < rounds; round++) {
    const spentMs = entries.map(() => 0);
    const runs = entries.map(() => 0);
    while (spentMs.some((ms) => ms < minMs)) {
      entries.forEach(([, fn], index) => {
        const start = process.cpuUsage();
        fn(text);
        const used = process.cpuUsage(start);
        spentMs[index]! += (used.user + used.system) / 1000;
        runs[index]!++;
      });
    }
    entries.forEach(([name], index) => {
      samples[name]!.push((bytes * runs[index]!) / 1e6 / (spentMs[index]! / 1000));
    });
  }
  return samples;
}

export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
