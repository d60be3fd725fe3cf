/**
 * A ReadableStream of text chunks fed by `run`. Cancelling the stream (or `reader.cancel()`)
 * aborts the work; an error in the work errors the stream.
 */
export function textStream(
  run: (emit: (text: string) => void, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
): ReadableStream<string> {
  const cancel = new AbortController();
  const combined = AbortSignal.any([signal, cancel.signal]);
  return new ReadableStream<string>({
    start(controller) {
      run((text) => {
        if (text && !combined.aborted) controller.enqueue(text);
      }, combined).then(
        () => {
          if (!cancel.signal.aborted) controller.close();
        },
        (error: unknown) => {
          if (!cancel.signal.aborted) controller.error(error);
        },
      );
    },
    cancel() {
      cancel.abort();
    },
  });
}

/** Reads a text stream to its end and joins the chunks. */
export async function readAll(stream: ReadableStream<string>): Promise<string> {
  const reader = stream.getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += value;
  }
}
