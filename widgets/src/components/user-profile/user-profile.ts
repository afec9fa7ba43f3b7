import { define } from "../../internal/define";
import { AuthUserProfile } from "./user-profile.component";

export { AuthUserProfile };
define("auth-user-profile", AuthUserProfile);

declare global {
  interface HTMLElementTagNameMap {
    "auth-user-profile": AuthUserProfile;
  }
}
