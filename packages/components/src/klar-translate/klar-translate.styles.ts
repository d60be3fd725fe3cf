import { css } from 'lit';

export const translateStyles = css`
  .picker {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 1rem;
    margin-block: var(--klar-space, 0.75rem);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  label {
    font-weight: 700;
  }
  select {
    font: inherit;
    min-height: 2.75rem;
    min-width: 12rem;
    padding: 0.25rem 0.5rem;
    border: 2px solid var(--klar-color-border, #6b6b6b);
    border-radius: var(--klar-radius, 0.25rem);
    background: var(--klar-color-surface, #ffffff);
    color: var(--klar-color-text, #1b1b1b);
  }
  select:focus-visible {
    outline: 3px solid var(--klar-color-focus, #ffbf47);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--klar-color-text, #1b1b1b);
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin-block: 0.5rem;
    text-align: start;
    font-size: var(--klar-translate-font-size, 1.0625rem);
  }
  @media (forced-colors: active) {
    select {
      border-color: CanvasText;
    }
  }
`;
