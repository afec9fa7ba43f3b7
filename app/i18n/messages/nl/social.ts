/** social in nl; keys and placeholders as in ../social.ts. */
export const nl = {
  "social.continueWith": "Doorgaan met {provider}",
  "social.or": "of",
  "social.error.title": "We konden je niet inloggen",
  "social.error.state":
    "We konden niet bevestigen dat deze inlogpoging hier is gestart. Dat gebeurt als het langer dan tien minuten duurde, in een andere browser werd afgerond of als de link is gewijzigd.",
  "social.error.stateNext": "Begin opnieuw vanaf de inlogpagina.",
  "social.error.denied": "Het inloggen is bij de provider geannuleerd, of de provider heeft het geweigerd.",
  "social.error.deniedNext": "Probeer het opnieuw of kies een andere manier om in te loggen.",
  "social.error.notLinked":
    "Hier bestaat al een account met dit e-mailadres, en we konden niet bevestigen dat het van jou is: de provider of dit account heeft het e-mailadres niet geverifieerd.",
  "social.error.notLinkedNext":
    "Log in zoals je gewend bent. Zodra je e-mailadres is geverifieerd, wordt inloggen via de provider aan je account gekoppeld.",
  "social.error.noEmail": "De provider heeft geen geverifieerd e-mailadres met ons gedeeld.",
  "social.error.noEmailNext":
    "Geef bij de provider toegang tot je e-mailadres, of kies een andere manier om in te loggen.",
  "social.error.signUpClosed":
    "Er is geen account voor dit e-mailadres en hier kunnen geen nieuwe accounts worden aangemaakt.",
  "social.error.signUpClosedNext": "Log in met een bestaand account of vraag een beheerder om een uitnodiging.",
  "social.error.unavailable": "Deze manier van inloggen is nu niet beschikbaar.",
  "social.error.unavailableNext": "Kies een andere manier om in te loggen of probeer het later opnieuw.",
  "social.error.other": "Er ging iets mis bij het inloggen via de provider.",
  "social.error.otherNext": "Probeer het zo opnieuw of kies een andere manier om in te loggen.",
  "social.error.code": "Foutcode: {code}",
  "social.error.back": "Terug naar inloggen",
};
