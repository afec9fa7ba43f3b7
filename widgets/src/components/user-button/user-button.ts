import { define } from "../../internal/define";
import { AuthUserButton } from "./user-button.component";

export { AuthUserButton };
define("auth-user-button", AuthUserButton);

declare global {
  interface HTMLElementTagNameMap {
    "auth-user-button": AuthUserButton;
  }
}
