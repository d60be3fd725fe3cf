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
