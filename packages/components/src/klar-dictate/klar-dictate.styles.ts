import { css } from 'lit';

export const dictateStyles = css`
  :host {
    margin-block: 0.25rem;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  button.trigger {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  button.trigger svg {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
  .state {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font-weight: 700;
    color: var(--klar-dictate-listening-color, #a4000f);
  }
  /* The dot repeats the "Listening" text; it never carries the state alone. */
  .dot {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    background: currentColor;
  }
  meter {
    inline-size: var(--klar-dictate-meter-width, 8rem);
    block-size: 1rem;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin-block: 0.5rem;
    font-size: var(--klar-dictate-font-size, 1.0625rem);
  }
  .message {
    margin: 0.5rem 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 0.25rem solid var(--klar-color-warning-line, #a4000f);
    background: var(--klar-color-surface, #ffffff);
  }
  @media (forced-colors: active) {
    .state {
      color: CanvasText;
    }
    .message {
      border-inline-start-color: CanvasText;
    }
  }
`;
