import { css } from 'lit';

export const modelStatusStyles = css`
  ul {
    list-style: none;
    margin: 0.25rem 0;
    padding: 0;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding-block: 0.25rem;
  }
`;
