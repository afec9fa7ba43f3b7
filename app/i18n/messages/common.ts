import { defineMessages } from "../define";

/** Words shared by every hosted page and email. */
export const common = defineMessages({
  en: {
    "common.email": "Email",
    "common.password": "Password",
    "common.continue": "Continue",
    "common.cancel": "Cancel",
    "common.or": "or",
    "common.poweredBy": "Powered by {name}",
  },
  de: {
    "common.email": "E-Mail",
    "common.password": "Passwort",
    "common.continue": "Weiter",
    "common.cancel": "Abbrechen",
    "common.or": "oder",
    "common.poweredBy": "Bereitgestellt von {name}",
  },
});
