import { css } from "lit";

export const loginStyles = css`
  [part~="base"] {
    padding: 24px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_card);
  }
  .footer {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 6px;
    margin-top: 16px;
    font-size: 14px;
  }
  [part~="provider-mark"] {
    flex-shrink: 0;
  }
  .loading {
    min-height: 120px;
  }
  .signed-in {
    margin: 0 0 8px;
  }
`;
