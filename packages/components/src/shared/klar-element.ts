import { LitElement, type PropertyDeclarations } from 'lit';
import { type KlarContext, klarContextFor } from './context.js';
import type { KlarEngine } from './engine-types.js';
import { resolveLocale, type Translation, translationFor } from './i18n/localize.js';

/** Base of every Klar element: language, translations and the page's shared engine. */
export class KlarElement extends LitElement {
  static override properties: PropertyDeclarations = {
    translations: { attribute: false },
    engine: { attribute: false },
    locale: { state: true },
  };

  constructor() {
    super();
    this.locale = 'sv';
  }

  /** Integrator overrides for any of the element's strings. */
  declare translations?: Partial<Translation>;
  /** An engine for this element only (tests, special pages). Default: the page's shared one. */
  declare engine?: KlarEngine;
  declare protected locale: string;
  #langObserver: MutationObserver | undefined;

  protected get t(): Translation {
    return translationFor(this.locale, this.translations);
  }

  get klarContext(): KlarContext {
    return klarContextFor(this.ownerDocument);
  }

  /** The engine to use: the element's own, or the page's shared one. */
  async resolveEngine(): Promise<KlarEngine | undefined> {
    return this.engine ?? (await this.klarContext.engine());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.locale = resolveLocale(this);
    // Follow language switches on the page (the demo toggles <html lang>).
    this.#langObserver = new MutationObserver(() => {
      this.locale = resolveLocale(this);
    });
    this.#langObserver.observe(this.ownerDocument.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    this.#langObserver = undefined;
  }
}
