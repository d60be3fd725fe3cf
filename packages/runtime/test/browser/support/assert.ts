/** Tiny assertions: the browser suite needs nothing more, and failures read plainly. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

export function assertEqual<T>(actual: T, expected: T, message: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}\n  expected: ${e}\n  actual:   ${a}`);
}

export async function assertRejects(
  promise: Promise<unknown>,
  code: string,
  message: string,
): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e.code !== code)
      throw new Error(`${message}: expected code ${code}, got ${e.code ?? e.name}: ${e.message}`);
    return e;
  }
  throw new Error(`${message}: expected a rejection with code ${code}`);
}
