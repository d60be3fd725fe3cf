import { css } from 'lit';

/**
 * Shared design tokens. Every element reads these custom properties, so an agency themes all
 * of them at once (see docs/theming.md). Defaults meet WCAG 2.1 AA contrast.
 */
export const baseStyles = css`
  :host {
    display: block;
    font-family: var(--klar-font-family, inherit);
    font-size: var(--klar-font-size, 1rem);
    line-height: var(--klar-line-height, 1.5);
    color: var(--klar-color-text, #1b1b1b);
  }
  :host([hidden]) {
    display: none;
  }
  .panel {
    margin-block: var(--klar-space, 0.75rem);
    padding: var(--klar-space, 0.75rem);
    border: var(--klar-border-width, 1px) solid var(--klar-color-border, #6b6b6b);
    border-radius: var(--klar-radius, 0.25rem);
    background: var(--klar-color-surface, #ffffff);
  }
  .ai {
    border-inline-start: 0.375rem solid var(--klar-color-ai, #5a2d82);
  }
  .note {
    margin: 0.25rem 0;
    font-size: var(--klar-font-size-small, 0.9375rem);
    color: var(--klar-color-muted, #4a4a4a);
  }
  .title {
    margin: 0 0 0.25rem;
    font-weight: 700;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--klar-color-accent, #1d4f91);
    border-radius: var(--klar-radius, 0.25rem);
    background: var(--klar-color-surface, #ffffff);
    color: var(--klar-color-accent, #1d4f91);
    cursor: pointer;
  }
  button.primary {
    background: var(--klar-color-accent, #1d4f91);
    color: var(--klar-color-on-accent, #ffffff);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
  button:focus-visible,
  [tabindex='-1']:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--klar-color-focus, #ffbf47);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--klar-color-text, #1b1b1b);
  }
  mark {
    background: var(--klar-color-mark, #fff3a3);
    color: inherit;
  }
  mark.unverified {
    background: var(--klar-color-warning, #fde2e2);
    text-decoration: underline wavy var(--klar-color-warning-line, #a4000f);
    text-underline-offset: 0.2em;
  }
  progress {
    width: 100%;
    accent-color: var(--klar-color-accent, #1d4f91);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* No animations: content never fades in, so nothing moves for people who prefer less motion. */
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    .panel,
    button {
      border-color: CanvasText;
    }
    button.primary {
      background: ButtonText;
      color: ButtonFace;
      forced-color-adjust: none;
    }
    mark,
    mark.unverified {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .ai {
      border-inline-start-color: Highlight;
    }
  }
`;
