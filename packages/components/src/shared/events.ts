/** Typed `klar-*` events. All bubble and are composed. Details never carry the citizen's text. */
export interface KlarSummaryDoneDetail {
  /** `model`: AI summary; `extractive`: sentences picked from the original without a model. */
  readonly kind: 'model' | 'extractive';
  readonly model?: string;
  /** Details in the summary that are not in the original. */
  readonly unverified: number;
  readonly stopped: boolean;
}
export interface KlarModelConsentDetail {
  readonly model: string;
  readonly granted: boolean;
}
export interface KlarFallbackDetail {
  readonly reason: string;
}
export interface KlarReadabilityDetail {
  readonly lix: number;
  readonly band: string;
  readonly words: number;
  readonly sentences: number;
}
export interface KlarPiiDetail {
  /** Kinds and positions only; not the values. */
  readonly findings: readonly {
    readonly type: string;
    readonly start: number;
    readonly end: number;
  }[];
}
export interface KlarPiiMaskedDetail {
  readonly count: number;
}
export interface KlarProposalsDetail {
  readonly count: number;
}
export interface KlarProposalDecisionDetail {
  readonly name: string;
}

export type KlarEventMap = {
  'klar-summary-done': CustomEvent<KlarSummaryDoneDetail>;
  'klar-fallback': CustomEvent<KlarFallbackDetail>;
  'klar-model-consent': CustomEvent<KlarModelConsentDetail>;
  'klar-readability-change': CustomEvent<KlarReadabilityDetail>;
  'klar-pii-change': CustomEvent<KlarPiiDetail>;
  'klar-pii-masked': CustomEvent<KlarPiiMaskedDetail>;
  'klar-proposals': CustomEvent<KlarProposalsDetail>;
  'klar-proposal-accept': CustomEvent<KlarProposalDecisionDetail>;
  'klar-proposal-reject': CustomEvent<KlarProposalDecisionDetail>;
};

declare global {
  interface GlobalEventHandlersEventMap extends KlarEventMap {}
}

/** Dispatches a typed, bubbling, composed `klar-*` event. */
export function emit<K extends keyof KlarEventMap>(
  target: EventTarget,
  name: K,
  detail: KlarEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
