import { defineMessages } from "../define";
import { fr } from "./fr/passkeys";
import { es } from "./es/passkeys";
import { ptBR } from "./pt-BR/passkeys";
import { it } from "./it/passkeys";
import { nl } from "./nl/passkeys";
import { pl } from "./pl/passkeys";
import { tr } from "./tr/passkeys";
import { ja } from "./ja/passkeys";
import { ko } from "./ko/passkeys";
import { zhCN } from "./zh-CN/passkeys";
import { ar } from "./ar/passkeys";
import { he } from "./he/passkeys";

/** Passkeys: the sign-in button and autofill, and the account page's list. */
export const passkeys = defineMessages({
  en: {
    "passkeys.signIn.button": "Sign in with a passkey",
    "passkeys.signIn.pending": "Waiting for your passkey…",
    "passkeys.errors.unknownPasskey":
      "This passkey does not belong to an account at {tenant}. Use a passkey you created here, or sign in another way.",
    "passkeys.errors.expired": "The passkey request expired. Try again.",
    "passkeys.errors.alreadyRegistered": "This device already has a passkey for your account.",
    "passkeys.errors.reauthenticate": "For your security, sign in again before adding a passkey.",
    "passkeys.errors.unsupported": "This browser cannot use passkeys.",
    "passkeys.errors.nameRequired": "Enter a name for the passkey (at most 64 characters).",
    "passkeys.errors.notFound": "That passkey no longer exists.",
    "passkeys.account.title": "Passkeys",
    "passkeys.account.intro": "Sign in with your fingerprint, face or screen lock instead of a password.",
    "passkeys.account.none": "You have no passkeys yet.",
    "passkeys.account.add": "Add a passkey",
    "passkeys.account.adding": "Follow your browser's prompt…",
    "passkeys.account.added": "Passkey added.",
    "passkeys.account.renamed": "Passkey renamed.",
    "passkeys.account.deleted": "Passkey deleted.",
    "passkeys.account.unnamed": "Passkey",
    "passkeys.account.created": "Added {date}",
    "passkeys.account.synced": "Synced passkey",
    "passkeys.account.deviceBound": "This device only",
    "passkeys.account.name": "Name of {name}",
    "passkeys.account.rename": "Rename",
    "passkeys.account.delete": "Delete {name}",
    "passkeys.account.needsJavaScript": "Adding a passkey needs JavaScript in this browser.",
  },
  de: {
    "passkeys.signIn.button": "Mit einem Passkey anmelden",
    "passkeys.signIn.pending": "Warten auf Ihren Passkey …",
    "passkeys.errors.unknownPasskey":
      "Dieser Passkey gehört zu keinem Konto bei {tenant}. Verwenden Sie einen hier erstellten Passkey oder melden Sie sich anders an.",
    "passkeys.errors.expired": "Die Passkey-Anfrage ist abgelaufen. Versuchen Sie es erneut.",
    "passkeys.errors.alreadyRegistered": "Dieses Gerät hat bereits einen Passkey für Ihr Konto.",
    "passkeys.errors.reauthenticate":
      "Melden Sie sich zu Ihrer Sicherheit erneut an, bevor Sie einen Passkey hinzufügen.",
    "passkeys.errors.unsupported": "Dieser Browser kann keine Passkeys verwenden.",
    "passkeys.errors.nameRequired": "Geben Sie einen Namen für den Passkey ein (höchstens 64 Zeichen).",
    "passkeys.errors.notFound": "Diesen Passkey gibt es nicht mehr.",
    "passkeys.account.title": "Passkeys",
    "passkeys.account.intro": "Melden Sie sich mit Fingerabdruck, Gesicht oder Bildschirmsperre statt mit Passwort an.",
    "passkeys.account.none": "Sie haben noch keine Passkeys.",
    "passkeys.account.add": "Passkey hinzufügen",
    "passkeys.account.adding": "Folgen Sie der Anfrage Ihres Browsers …",
    "passkeys.account.added": "Passkey hinzugefügt.",
    "passkeys.account.renamed": "Passkey umbenannt.",
    "passkeys.account.deleted": "Passkey gelöscht.",
    "passkeys.account.unnamed": "Passkey",
    "passkeys.account.created": "Hinzugefügt am {date}",
    "passkeys.account.synced": "Synchronisierter Passkey",
    "passkeys.account.deviceBound": "Nur dieses Gerät",
    "passkeys.account.name": "Name von {name}",
    "passkeys.account.rename": "Umbenennen",
    "passkeys.account.delete": "{name} löschen",
    "passkeys.account.needsJavaScript": "Zum Hinzufügen eines Passkeys braucht dieser Browser JavaScript.",
  },
  // Every other locale: ./<locale>/passkeys.ts.
  fr,
  es,
  "pt-BR": ptBR,
  it,
  nl,
  pl,
  tr,
  ja,
  ko,
  "zh-CN": zhCN,
  ar,
  he,
});
