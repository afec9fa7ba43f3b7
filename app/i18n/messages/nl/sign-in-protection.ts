/** sign-in-protection in nl; keys and placeholders as in ../sign-in-protection.ts. */
export const nl = {
  "signInProtection.otherWays": "Andere manieren om in te loggen:",
  "signInProtection.resetPassword": "Je wachtwoord resetten",
  "signInProtection.checkEmail": "Kijk in je e-mail",
  "signInProtection.checkEmailText":
    "Als {email} voor een nieuw account kan worden gebruikt, hebben we daarheen gestuurd wat nodig is om verder te gaan. Volg de e-mail om door te gaan.",
  "emails.accountThrottled.subject": "Mislukte inlogpogingen op je {product}-account",
  "emails.accountThrottled.preview":
    "Iemand heeft geprobeerd in te loggen op je account met een verkeerd wachtwoord of een verkeerde code.",
  "emails.accountThrottled.heading": "Mislukte inlogpogingen",
  "emails.accountThrottled.body":
    "Er {failures, plural, one {is # mislukte poging gedaan} other {zijn # mislukte pogingen gedaan}} om in te loggen op je {product}-account ({email}) met een verkeerd wachtwoord of een verkeerde code. We vertragen verdere pogingen nu.",
  "emails.accountThrottled.notYou":
    "Was jij dit niet, dan beschermt je wachtwoord je account nog steeds. Kies voor de zekerheid een nieuw wachtwoord; inloggen met een link of een code werkt altijd.",
  "emails.accountThrottled.button": "Je wachtwoord resetten",
  "emails.signUpAttempt.subject": "Iemand probeerde zich bij {product} te registreren met jouw adres",
  "emails.signUpAttempt.preview": "Je hebt al een account, dus er is geen nieuw aangemaakt.",
  "emails.signUpAttempt.heading": "Je hebt al een account",
  "emails.signUpAttempt.body":
    "Iemand probeerde zojuist een {product}-account aan te maken met {email}. Je hebt er al een, dus er is niets gewijzigd.",
  "emails.signUpAttempt.notYou":
    "Was jij het, log dan in. Ben je je wachtwoord vergeten, reset het dan. Was jij het niet, dan kun je deze e-mail negeren.",
  "emails.signUpAttempt.button": "Inloggen",
};
