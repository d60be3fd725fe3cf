import * as ort from 'onnxruntime-web/webgpu';

// onnxruntime-web under the name transformers.js imports it by, so both share one copy.

/**
 * ONNX Runtime's one-time start-up in a fresh worker (import its .mjs, fetch and compile its
 * .wasm, initialise the runtime, build the CPU kernel registry) is most of a load on a cached
 * or small model. A one-node session made at the start of a load does that work while the
 * model's files still come from the cache or the network, instead of after them.
 */
let started: Promise<void> | null = null;

/**
 * Starts ONNX Runtime once per realm, after `prepareOrtBuild` has checked its files and set
 * their URLs. Never rejects: a runtime that can't start fails the model's own session, which
 * reports the cause with the model id.
 */
export function startOnnxRuntime(): Promise<void> {
  started ??= (async () => {
    try {
      const session = await ort.InferenceSession.create(IDENTITY_MODEL, {
        executionProviders: ['wasm'],
        logSeverityLevel: 3,
      });
      await session.release();
    } catch {
      // Reported by the model's own session.
    }
  })();
  return started;
}

/** Protocol-buffer bytes: a varint, or a length-delimited field. */
const varint = (value: number): number[] => {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return bytes;
};
const intField = (field: number, value: number) => [field << 3, ...varint(value)];
const bytesField = (field: number, ...content: number[][]) => {
  const body = content.flat();
  return [(field << 3) | 2, ...varint(body.length), ...body];
};
const text = (field: number, value: string) =>
  bytesField(field, [...new TextEncoder().encode(value)]);

/** ValueInfoProto: a float tensor of shape [1]. */
const floatVector = (name: string) =>
  [
    text(1, name),
    bytesField(2, bytesField(1, intField(1, 1), bytesField(2, bytesField(1, intField(1, 1))))),
  ].flat();

/** ModelProto (IR 8, opset 13): y = Identity(x). */
const IDENTITY_MODEL = new Uint8Array([
  ...intField(1, 8),
  ...bytesField(
    7,
    bytesField(1, text(1, 'x'), text(2, 'y'), text(4, 'Identity')),
    text(2, 'klar-runtime-start'),
    bytesField(11, floatVector('x')),
    bytesField(12, floatVector('y')),
  ),
  ...bytesField(8, intField(2, 13)),
]);

/** For tests: the model the start-up session runs. */
export const startModelForTests = IDENTITY_MODEL;
