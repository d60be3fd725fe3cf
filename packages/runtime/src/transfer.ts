import * as Comlink from 'comlink';
import { KlarError, type KlarErrorData } from './errors.js';

interface SerializedThrow {
  readonly klar: true;
  readonly error: KlarErrorData;
}

let installed = false;

/**
 * Makes KlarError survive the worker boundary: comlink's default handler flattens errors to
 * `Error`, losing `code`. We replace the 'throw' handler so both sides rebuild a KlarError.
 * Installing is idempotent; it mutates comlink's handler map, which is per JS realm.
 */
export function installKlarErrorTransfer(): void {
  if (installed) return;
  installed = true;
  const original = Comlink.transferHandlers.get('throw');
  Comlink.transferHandlers.set('throw', {
    canHandle: (value: unknown): value is { value: unknown } => original?.canHandle(value) ?? false,
    serialize(wrapped: unknown) {
      const value = (wrapped as { value: unknown }).value;
      if (value instanceof KlarError) {
        const payload: SerializedThrow = { klar: true, error: value.toJSON() };
        return [payload, []];
      }
      return original!.serialize(wrapped);
    },
    deserialize(serialized: unknown) {
      const data = serialized as SerializedThrow | undefined;
      if (data && data.klar === true) throw KlarError.fromJSON(data.error);
      return original!.deserialize(serialized);
    },
  });
}
