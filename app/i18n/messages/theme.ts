import { defineMessages } from "../define";

/** The branded shell around hosted pages: footer links and the logo's text alternative. */
export const theme = defineMessages({
  en: {
    "theme.legalLinks": "Legal and support",
    "theme.terms": "Terms",
    "theme.privacy": "Privacy",
    "theme.support": "Support",
    "theme.logoAlt": "{name} logo",
  },
  de: {
    "theme.legalLinks": "Rechtliches und Hilfe",
    "theme.terms": "Nutzungsbedingungen",
    "theme.privacy": "Datenschutz",
    "theme.support": "Hilfe",
    "theme.logoAlt": "Logo von {name}",
  },
});
