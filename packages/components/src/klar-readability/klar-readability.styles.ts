import { css } from 'lit';

export const readabilityStyles = css`
  meter {
    display: block;
    width: 100%;
    max-width: var(--klar-meter-width, 20rem);
    height: 1rem;
  }
  .value {
    margin: 0.25rem 0;
  }
  .copy {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  ol {
    padding-inline-start: 1.5rem;
  }
`;
