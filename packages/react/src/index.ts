/**
 * @klar/react — Klar's elements as React components with typed props and `on…` event handlers,
 * made with `@lit/react` (the Lit team's wrapper: properties set as properties, events wired
 * through addEventListener, which React 18 cannot do for custom elements by itself).
 * Importing this module registers the tags.
 */
import '@klar/components/define';
import {
  KlarDictate,
  KlarFormAssist,
  KlarModelStatus,
  KlarPiiGuard,
  KlarReadability,
  KlarSummary,
  KlarTranslate,
} from '@klar/components';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';

/** A `klar-…` event name typed with its CustomEvent, so handlers get the right `detail`. */
const event = <K extends keyof GlobalEventHandlersEventMap>(name: K) =>
  name as EventName<GlobalEventHandlersEventMap[K]>;

const consent = event('klar-model-consent');
const fallback = event('klar-fallback');

/** `<klar-summary>`: `for` names the element holding the text. */
export const Summary = createComponent({
  tagName: 'klar-summary',
  elementClass: KlarSummary,
  react: React,
  events: { onDone: event('klar-summary-done'), onFallback: fallback, onConsent: consent },
});

/** `<klar-readability>`: LIX and the longest sentences of the text `for` names. */
export const Readability = createComponent({
  tagName: 'klar-readability',
  elementClass: KlarReadability,
  react: React,
  events: { onReadabilityChange: event('klar-readability-change') },
});

/** `<klar-pii-guard>`: wrap a native label and field (children stay in light DOM). */
export const PiiGuard = createComponent({
  tagName: 'klar-pii-guard',
  elementClass: KlarPiiGuard,
  react: React,
  events: { onPiiChange: event('klar-pii-change'), onMasked: event('klar-pii-masked') },
});

/** `<klar-form-assist>`: wrap a native form. */
export const FormAssist = createComponent({
  tagName: 'klar-form-assist',
  elementClass: KlarFormAssist,
  react: React,
  events: {
    onProposals: event('klar-proposals'),
    onProposalAccept: event('klar-proposal-accept'),
    onProposalReject: event('klar-proposal-reject'),
    onFallback: fallback,
    onConsent: consent,
  },
});

/** `<klar-model-status>`: stored models, with a way to delete them. */
export const ModelStatus = createComponent({
  tagName: 'klar-model-status',
  elementClass: KlarModelStatus,
  react: React,
});

/** `<klar-dictate>`: a microphone button for the textarea or text input `for` names. */
export const Dictate = createComponent({
  tagName: 'klar-dictate',
  elementClass: KlarDictate,
  react: React,
  events: {
    onInsert: event('klar-dictate-insert'),
    onDiscard: event('klar-dictate-discard'),
    onFallback: fallback,
    onConsent: consent,
  },
});

/** `<klar-translate>`: translates the text `for` names into the citizen's language. */
export const Translate = createComponent({
  tagName: 'klar-translate',
  elementClass: KlarTranslate,
  react: React,
  events: { onDone: event('klar-translate-done'), onFallback: fallback, onConsent: consent },
});
