/**
 * Yields one macrotask so messages from the page (a cancel, say) are handled between
 * tokens. A MessageChannel avoids setTimeout's 4 ms clamp, which would cost tokens/s; one
 * channel is reused, since creating a channel per token is itself costly.
 */
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined')
    return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/**
 * How long a decoding loop may run between two yields: one frame, as for the worker's token
 * batches (tokens reach the page at most once per frame anyway).
 */
export const STEP_YIELD_BUDGET_MS = 16;

/**
 * A step hook's yield that yields only when `budgetMs` have passed since the last one. Each
 * yield is a message round trip (0.05–0.4 ms here, more on a busy machine): on a small model
 * whose steps take a few ms, yielding before every step cost 10–15 % of tokens/s. A step
 * longer than the budget (most real models) still yields before every step, so a cancel is
 * noticed before the next step, or within the budget when steps are shorter than it. Returns
 * undefined when no yield is due, so the common step allocates no promise.
 */
export function stepYielder(
  budgetMs = STEP_YIELD_BUDGET_MS,
  /** Tests replace the clock and the yield. */
  now: () => number = () => performance.now(),
  yieldOnce: () => Promise<void> = yieldToEventLoop,
): () => Promise<void> | undefined {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    if (now() - last < budgetMs) return undefined;
    return yieldOnce().then(() => {
      last = now();
    });
  };
}
