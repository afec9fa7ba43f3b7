import { define } from "../../internal/define";
import { AuthLogin } from "./login.component";

export { AuthLogin };
define("auth-login", AuthLogin);

declare global {
  interface HTMLElementTagNameMap {
    "auth-login": AuthLogin;
  }
}
