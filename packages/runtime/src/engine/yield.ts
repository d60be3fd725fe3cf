/**
 * Yields one macrotask so messages from the page (a cancel, say) are handled between
 * tokens. MessageChannel avoids setTimeout's 4 ms clamp, which would cost tokens/s.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined')
    return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
