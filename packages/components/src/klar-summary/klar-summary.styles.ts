import { css } from 'lit';

export const summaryStyles = css`
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin-block: 0.5rem;
    font-size: var(--klar-summary-font-size, 1.0625rem);
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
`;
