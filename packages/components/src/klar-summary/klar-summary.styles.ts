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
  .facts {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .facts li {
    margin-block: 0.25rem;
    overflow-wrap: anywhere;
  }
  .kind {
    font-weight: 700;
  }
  button.link {
    min-height: 2.75rem;
    margin-inline-start: 0.25rem;
    padding: 0.25rem 0.5rem;
    border-width: 1px;
  }
`;
