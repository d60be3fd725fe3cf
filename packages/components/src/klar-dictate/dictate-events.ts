/** The events <klar-dictate> fires. Details never carry what the citizen said. */
export interface KlarDictateInsertDetail {
  /** Characters put into the field (with any space added around them). */
  readonly characters: number;
  /** The text did not fit the field's maxlength and was cut. */
  readonly shortened: boolean;
  readonly model: string;
}

export interface KlarDictateEventMap {
  'klar-dictate-insert': CustomEvent<KlarDictateInsertDetail>;
  'klar-dictate-discard': CustomEvent<Record<string, never>>;
  'klar-fallback': CustomEvent<{ readonly reason: string }>;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'klar-dictate-insert': CustomEvent<KlarDictateInsertDetail>;
    'klar-dictate-discard': CustomEvent<Record<string, never>>;
  }
}

/** Dispatches a bubbling, composed event, like every `klar-*` event. */
export function dispatchDictateEvent<K extends keyof KlarDictateEventMap>(
  target: EventTarget,
  name: K,
  detail: KlarDictateEventMap[K]['detail'],
): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
