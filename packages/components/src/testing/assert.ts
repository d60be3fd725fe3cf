/** Minimal assertions for browser tests (no chai needed). */
export function assert(condition: unknown, message = 'assertion failed'): asserts condition {
  if (!condition) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message = ''): void {
  if (actual !== expected) {
    throw new Error(
      `${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    );
  }
}

export function deepEqual(actual: unknown, expected: unknown, message = ''): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message ? `${message}: ` : ''}expected ${e}, got ${a}`);
}

/**
 * Waits until `check` returns truthy (polling each frame), or fails after `timeout` ms.
 * Generous by default: the first use of an element loads its lazy chunks through the test
 * server, which takes seconds on a busy machine. A wait, never a timing assertion.
 */
export async function until<T>(
  check: () => T,
  message = 'condition',
  timeout = 30_000,
): Promise<NonNullable<T>> {
  const started = performance.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - started > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 16));
  }
}
