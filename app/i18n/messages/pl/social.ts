/** social in pl; keys and placeholders as in ../social.ts. */
export const pl = {
  "social.continueWith": "Kontynuuj przez {provider}",
  "social.or": "lub",
  "social.error.title": "Nie udało się Cię zalogować",
  "social.error.state":
    "Nie udało się potwierdzić, że to logowanie rozpoczęto tutaj. Dzieje się tak, gdy trwało dłużej niż dziesięć minut, zostało dokończone w innej przeglądarce albo link został zmieniony.",
  "social.error.stateNext": "Zacznij od nowa na stronie logowania.",
  "social.error.denied": "Logowanie zostało anulowane u dostawcy albo dostawca je odrzucił.",
  "social.error.deniedNext": "Spróbuj ponownie lub wybierz inny sposób logowania.",
  "social.error.notLinked":
    "Konto z tym adresem e-mail już tu istnieje i nie udało się potwierdzić, że należy do Ciebie: dostawca lub to konto nie zweryfikowało adresu e-mail.",
  "social.error.notLinkedNext":
    "Zaloguj się tak jak zwykle. Gdy Twój adres e-mail zostanie zweryfikowany, logowanie przez dostawcę zostanie połączone z Twoim kontem.",
  "social.error.noEmail": "Dostawca nie udostępnił nam zweryfikowanego adresu e-mail.",
  "social.error.noEmailNext": "Zezwól u dostawcy na dostęp do adresu e-mail lub wybierz inny sposób logowania.",
  "social.error.signUpClosed": "Nie ma konta dla tego adresu e-mail, a nowych kont nie można tu tworzyć.",
  "social.error.signUpClosedNext": "Zaloguj się na istniejące konto lub poproś administratora o zaproszenie.",
  "social.error.unavailable": "Ten sposób logowania jest teraz niedostępny.",
  "social.error.unavailableNext": "Wybierz inny sposób logowania lub spróbuj ponownie później.",
  "social.error.other": "Coś poszło nie tak podczas logowania przez dostawcę.",
  "social.error.otherNext": "Spróbuj ponownie za chwilę lub wybierz inny sposób logowania.",
  "social.error.code": "Kod błędu: {code}",
  "social.error.back": "Wróć do logowania",
};
