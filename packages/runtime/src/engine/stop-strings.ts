/**
 * Tracks stop strings over streamed text. `visible` holds back any tail that could still
 * grow into a stop string, so a stop string is never shown and then taken back.
 */
export class StopStrings {
  readonly #stops: readonly string[];

  constructor(stops: readonly string[] | undefined) {
    this.#stops = (stops ?? []).filter((s) => s.length > 0);
  }

  /** True when there is any stop string to look for. */
  get active(): boolean {
    return this.#stops.length > 0;
  }

  /** Index where the first stop string starts, or -1. */
  find(text: string): number {
    let first = -1;
    for (const stop of this.#stops) {
      const at = text.indexOf(stop);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    return first;
  }

  /** The part of `text` that is safe to show now. */
  visible(text: string): string {
    const at = this.find(text);
    if (at >= 0) return text.slice(0, at);
    let holdBack = 0;
    for (const stop of this.#stops) {
      for (let n = Math.min(stop.length - 1, text.length); n > holdBack; n--) {
        if (text.endsWith(stop.slice(0, n))) {
          holdBack = n;
          break;
        }
      }
    }
    return text.slice(0, text.length - holdBack);
  }
}
