import { css } from 'lit';

export const formAssistStyles = css`
  textarea {
    display: block;
    box-sizing: border-box;
    width: 100%;
    min-height: 6rem;
    margin-block: 0.25rem;
    padding: 0.5rem;
    font: inherit;
    color: inherit;
    background: var(--klar-color-surface, #ffffff);
    border: 2px solid var(--klar-color-border, #6b6b6b);
    border-radius: var(--klar-radius, 0.25rem);
  }
  label {
    font-weight: 700;
  }
`;

export const proposalStyles = css`
  :host {
    margin-block: 0.25rem 0.75rem;
  }
  .panel {
    margin-block: 0;
    padding: 0.5rem 0.75rem;
  }
  .value {
    margin: 0.25rem 0;
    font-weight: 700;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .actions {
    margin-block-start: 0.25rem;
  }
`;
