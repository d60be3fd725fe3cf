import { css } from 'lit';

export const piiGuardStyles = css`
  .warning {
    border-inline-start: 0.375rem solid var(--klar-color-warning-line, #a4000f);
  }
  ul {
    margin: 0.25rem 0;
    padding-inline-start: 1.25rem;
  }
  .value {
    font-family: var(--klar-font-family-mono, ui-monospace, monospace);
  }
`;
