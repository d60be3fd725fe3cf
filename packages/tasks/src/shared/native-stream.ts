/**
 * Reads a built-in API's text stream and passes on only new text. Early Chrome versions
 * streamed the whole text so far in every chunk, later ones stream the new part: both work.
 */
export async function forwardNativeStream(
  stream: ReadableStream<string>,
  emit: (text: string) => void,
  signal: AbortSignal,
): Promise<string> {
  const reader = stream.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', cancel, { once: true });
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || signal.aborted) break;
      const chunk = String(value);
      const delta = text && chunk.startsWith(text) ? chunk.slice(text.length) : chunk;
      text += delta;
      if (delta) emit(delta);
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  return text;
}
