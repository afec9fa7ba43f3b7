import { defineMessages } from "../define";
import { fr } from "./fr/widgets";
import { es } from "./es/widgets";
import { ptBR } from "./pt-BR/widgets";
import { it } from "./it/widgets";
import { nl } from "./nl/widgets";
import { pl } from "./pl/widgets";
import { tr } from "./tr/widgets";
import { ja } from "./ja/widgets";
import { ko } from "./ko/widgets";
import { zhCN } from "./zh-CN/widgets";
import { ar } from "./ar/widgets";
import { he } from "./he/widgets";

/** The widgets' demo page (/t/:tenant/embed). The widgets carry their own copy (widgets/). */
export const widgets = defineMessages({
  en: {
    "embed.title": "Sign-in widgets for {name}",
    "embed.intro":
      "Add sign-in to any page you own with two lines of HTML: load the module, then place a widget. They follow this tenant's theme and language.",
    "embed.live": "Live",
    "embed.snippet": "Copy and paste",
    "embed.login.title": "Sign-in form",
    "embed.login.text": "Every sign-in method this tenant has on, sign-up and password reset.",
    "embed.button.title": "User button",
    "embed.button.text":
      "An avatar with a menu when signed in; a button that opens the sign-in form in a dialog when not.",
    "embed.profile.title": "Profile",
    "embed.profile.text": "Name, email, password, passkeys, two-factor status and sessions of the signed-in user.",
    "embed.api.title": "From your code",
    "embed.api.text": "Send the short-lived JWT to your backend, which verifies it against this tenant's keys:",
    "embed.origins":
      "Add your site's origin to the tenant's trusted origins (Settings): that also turns on the Bearer tokens that token mode, the default, needs. This page shows the widgets in cookie mode because it is Portico's own site.",
    "embed.docs": "Every attribute, event, part and CSS variable: docs/widgets.md.",
  },
  de: {
    "embed.title": "Anmelde-Widgets für {name}",
    "embed.intro":
      "Bau die Anmeldung mit zwei Zeilen HTML in jede deiner Seiten ein: Modul laden, Widget platzieren. Die Widgets folgen dem Design und der Sprache dieses Mandanten.",
    "embed.live": "Live",
    "embed.snippet": "Zum Kopieren",
    "embed.login.title": "Anmeldeformular",
    "embed.login.text": "Alle Anmeldemethoden, die dieser Mandant eingeschaltet hat, Registrierung und Passwort-Reset.",
    "embed.button.title": "Benutzer-Button",
    "embed.button.text":
      "Angemeldet ein Avatar mit Menü; abgemeldet ein Button, der das Anmeldeformular in einem Dialog öffnet.",
    "embed.profile.title": "Profil",
    "embed.profile.text":
      "Name, E-Mail, Passwort, Passkeys, Zwei-Faktor-Status und Sitzungen des angemeldeten Benutzers.",
    "embed.api.title": "Aus deinem Code",
    "embed.api.text": "Schick das kurzlebige JWT an dein Backend, das es mit den Schlüsseln dieses Mandanten prüft:",
    "embed.origins":
      "Füge den Origin deiner Seite zu den vertrauenswürdigen Origins des Mandanten hinzu (Einstellungen): Das schaltet auch die „Bearer tokens“ ein, die der Token-Modus (Standard) braucht. Diese Seite zeigt die Widgets im Cookie-Modus, weil sie auf Portico selbst läuft.",
    "embed.docs": "Alle Attribute, Events, Parts und CSS-Variablen: docs/widgets.md.",
  },
  // Every other locale: ./<locale>/widgets.ts.
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
