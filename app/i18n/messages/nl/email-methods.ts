/** email-methods in nl; keys and placeholders as in ../email-methods.ts. */
export const nl = {
  "emailMethods.signIn.magicLink": "Stuur me een inloglink",
  "emailMethods.signIn.emailCode": "Stuur me een code",
  "emailMethods.signIn.resendVerification": "Nieuwe bevestigingslink versturen",
  "emailMethods.verify.title": "Bevestig je e-mailadres",
  "emailMethods.verify.verifiedTitle": "Je e-mailadres is bevestigd",
  "emailMethods.verify.verifiedBody": "Bedankt. Je account is klaar.",
  "emailMethods.verify.continue": "Doorgaan",
  "emailMethods.verify.alreadyTitle": "Deze link is al gebruikt",
  "emailMethods.verify.alreadyBody": "Je e-mailadres is al bevestigd. Log in om door te gaan.",
  "emailMethods.verify.expiredTitle": "Deze link is verlopen",
  "emailMethods.verify.expiredBody":
    "Bevestigingslinks werken 24 uur. Vul je e-mailadres in en we sturen je een nieuwe.",
  "emailMethods.verify.invalidTitle": "Deze link werkt niet",
  "emailMethods.verify.invalidBody":
    "De link is onvolledig of gewijzigd. Vul je e-mailadres in en we sturen je een nieuwe.",
  "emailMethods.verify.pendingTitle": "Kijk in je inbox",
  "emailMethods.verify.pendingBody":
    "We hebben een bevestigingslink naar je e-mailadres gestuurd. Open die om je account af te ronden. Niets ontvangen? Stuur een nieuwe link.",
  "emailMethods.verify.sentBody":
    "Als {email} een account heeft dat nog bevestigd moet worden, is er een nieuwe link onderweg. Die werkt 24 uur.",
  "emailMethods.verify.resend": "Nieuwe link versturen",
  "emailMethods.verify.signIn": "Inloggen",
  "emailMethods.account.verified": "Bevestigd",
  "emailMethods.account.unverified": "Nog niet bevestigd",
  "emailMethods.account.resend": "Bevestigingsmail versturen",
  "emailMethods.account.sent": "We hebben een bevestigingslink gestuurd naar {email}.",
  "emailMethods.magicLink.title": "Inloggen met een link",
  "emailMethods.magicLink.subtitle": "Vul je e-mailadres in en we sturen je een link waarmee je inlogt.",
  "emailMethods.magicLink.submit": "Stuur me een link",
  "emailMethods.magicLink.sentTitle": "Kijk in je inbox",
  "emailMethods.magicLink.sentBody":
    "We hebben een inloglink gestuurd naar {email}. Die werkt één keer en verloopt over {minutes, plural, one {# minuut} other {# minuten}}. Je kunt deze pagina sluiten.",
  "emailMethods.magicLink.failedTitle": "Deze inloglink werkt niet meer",
  "emailMethods.magicLink.failedBody":
    "Inloglinks werken één keer en verlopen na een paar minuten. Vul je e-mailadres in om een nieuwe te krijgen.",
  "emailMethods.magicLink.signUpClosed":
    "Er is geen account voor dit e-mailadres en hier kunnen geen nieuwe accounts worden aangemaakt.",
  "emailMethods.backToSignIn": "Terug naar inloggen",
  "emailMethods.useAnotherEmail": "Ander e-mailadres gebruiken",
  "emailMethods.code.title": "Inloggen met een code",
  "emailMethods.code.subtitle": "Vul je e-mailadres in en we sturen je een eenmalige code.",
  "emailMethods.code.submitEmail": "Stuur me een code",
  "emailMethods.code.enterTitle": "Vul je code in",
  "emailMethods.code.enterBody":
    "Als {email} hier kan inloggen, is er een {length}-cijferige code onderweg. Die verloopt over {minutes, plural, one {# minuut} other {# minuten}}.",
  "emailMethods.code.label": "Eenmalige code",
  "emailMethods.code.submitCode": "Inloggen",
  "emailMethods.code.wrong": "Die code klopt niet. Nog {remaining, plural, one {# poging} other {# pogingen}} over.",
  "emailMethods.code.wrongLast": "Die code klopt niet. Nog 1 poging over.",
  "emailMethods.code.tooMany": "Te veel verkeerde codes. Deze code werkt niet meer: vraag een nieuwe aan.",
  "emailMethods.code.expired": "Deze code is verlopen. Vraag een nieuwe aan.",
  "emailMethods.code.format": "Vul de {length}-cijferige code uit de e-mail in.",
  "emailMethods.code.startOver": "Nieuwe code aanvragen",
};
