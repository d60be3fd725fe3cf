import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stepYielder } from '../src/engine/yield.js';

test('the step hook yields before the first step, then at most once per budget', async () => {
  let clock = 0;
  const yieldedAt: number[] = [];
  const step = stepYielder(
    4,
    () => clock,
    async () => {
      yieldedAt.push(clock);
    },
  );
  // Steps of 1 ms: a yield every 4 ms, not every step.
  for (; clock < 12; clock += 1) await step();
  assert.deepEqual(yieldedAt, [0, 4, 8]);
});

test('steps longer than the budget yield before every step', async () => {
  let clock = 0;
  let yields = 0;
  const step = stepYielder(
    4,
    () => clock,
    async () => {
      yields += 1;
    },
  );
  for (let i = 0; i < 10; i++, clock += 25) await step();
  assert.equal(yields, 10);
});
