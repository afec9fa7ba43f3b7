/** email-methods in pl; keys and placeholders as in ../email-methods.ts. */
export const pl = {
  "emailMethods.signIn.magicLink": "Wyślij mi link do logowania",
  "emailMethods.signIn.emailCode": "Wyślij mi kod e-mailem",
  "emailMethods.signIn.resendVerification": "Wyślij nowy link potwierdzający",
  "emailMethods.verify.title": "Potwierdź adres e-mail",
  "emailMethods.verify.verifiedTitle": "Twój adres e-mail został potwierdzony",
  "emailMethods.verify.verifiedBody": "Dziękujemy. Twoje konto jest gotowe.",
  "emailMethods.verify.continue": "Dalej",
  "emailMethods.verify.alreadyTitle": "Ten link został już użyty",
  "emailMethods.verify.alreadyBody": "Twój adres e-mail jest już potwierdzony. Zaloguj się, aby kontynuować.",
  "emailMethods.verify.expiredTitle": "Ten link wygasł",
  "emailMethods.verify.expiredBody":
    "Linki potwierdzające działają przez 24 godziny. Podaj adres e-mail, a wyślemy Ci nowy.",
  "emailMethods.verify.invalidTitle": "Ten link nie działa",
  "emailMethods.verify.invalidBody":
    "Link jest niekompletny lub został zmieniony. Podaj adres e-mail, a wyślemy Ci nowy.",
  "emailMethods.verify.pendingTitle": "Sprawdź skrzynkę odbiorczą",
  "emailMethods.verify.pendingBody":
    "Wysłaliśmy link potwierdzający na Twój adres e-mail. Otwórz go, aby dokończyć konfigurację konta. Nic nie dotarło? Wyślij nowy link.",
  "emailMethods.verify.sentBody":
    "Jeśli {email} ma konto, które wciąż wymaga potwierdzenia, nowy link jest już w drodze. Działa przez 24 godziny.",
  "emailMethods.verify.resend": "Wyślij nowy link",
  "emailMethods.verify.signIn": "Zaloguj się",
  "emailMethods.account.verified": "Potwierdzony",
  "emailMethods.account.unverified": "Jeszcze niepotwierdzony",
  "emailMethods.account.resend": "Wyślij e-mail potwierdzający",
  "emailMethods.account.sent": "Wysłaliśmy link potwierdzający na adres {email}.",
  "emailMethods.magicLink.title": "Zaloguj się linkiem",
  "emailMethods.magicLink.subtitle": "Podaj adres e-mail, a wyślemy Ci link, który Cię zaloguje.",
  "emailMethods.magicLink.submit": "Wyślij mi link",
  "emailMethods.magicLink.sentTitle": "Sprawdź skrzynkę odbiorczą",
  "emailMethods.magicLink.sentBody":
    "Wysłaliśmy link do logowania na adres {email}. Działa raz i wygaśnie za {minutes, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}}. Możesz zamknąć tę stronę.",
  "emailMethods.magicLink.failedTitle": "Ten link do logowania już nie działa",
  "emailMethods.magicLink.failedBody":
    "Linki do logowania działają raz i wygasają po kilku minutach. Podaj adres e-mail, aby otrzymać nowy.",
  "emailMethods.magicLink.signUpClosed": "Nie ma konta dla tego adresu e-mail, a nowych kont nie można tu tworzyć.",
  "emailMethods.backToSignIn": "Wróć do logowania",
  "emailMethods.useAnotherEmail": "Użyj innego adresu e-mail",
  "emailMethods.code.title": "Zaloguj się kodem",
  "emailMethods.code.subtitle": "Podaj adres e-mail, a wyślemy Ci kod jednorazowy.",
  "emailMethods.code.submitEmail": "Wyślij mi kod e-mailem",
  "emailMethods.code.enterTitle": "Wpisz kod",
  "emailMethods.code.enterBody":
    "Jeśli {email} może się tu zalogować, {length}-cyfrowy kod jest już w drodze. Wygaśnie za {minutes, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}}.",
  "emailMethods.code.label": "Kod jednorazowy",
  "emailMethods.code.submitCode": "Zaloguj się",
  "emailMethods.code.wrong":
    "Ten kod jest nieprawidłowy. {remaining, plural, one {Pozostała # próba} few {Pozostały # próby} many {Pozostało # prób} other {Pozostało # próby}}.",
  "emailMethods.code.wrongLast": "Ten kod jest nieprawidłowy. Pozostała 1 próba.",
  "emailMethods.code.tooMany": "Zbyt wiele błędnych kodów. Ten kod już nie działa: poproś o nowy.",
  "emailMethods.code.expired": "Ten kod wygasł. Poproś o nowy.",
  "emailMethods.code.format": "Wpisz {length}-cyfrowy kod z e-maila.",
  "emailMethods.code.startOver": "Otrzymaj nowy kod",
};
