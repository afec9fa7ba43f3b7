/** email-methods in it; keys and placeholders as in ../email-methods.ts. */
export const it = {
  "emailMethods.signIn.magicLink": "Inviami un link di accesso via email",
  "emailMethods.signIn.emailCode": "Inviami un codice via email",
  "emailMethods.signIn.resendVerification": "Invia un nuovo link di conferma",
  "emailMethods.verify.title": "Conferma la tua email",
  "emailMethods.verify.verifiedTitle": "Il tuo indirizzo email è confermato",
  "emailMethods.verify.verifiedBody": "Grazie. Il tuo account è pronto.",
  "emailMethods.verify.continue": "Continua",
  "emailMethods.verify.alreadyTitle": "Questo link è già stato usato",
  "emailMethods.verify.alreadyBody": "Il tuo indirizzo email è già confermato. Accedi per continuare.",
  "emailMethods.verify.expiredTitle": "Questo link è scaduto",
  "emailMethods.verify.expiredBody":
    "I link di conferma funzionano per 24 ore. Inserisci il tuo indirizzo email e te ne invieremo uno nuovo.",
  "emailMethods.verify.invalidTitle": "Questo link non funziona",
  "emailMethods.verify.invalidBody":
    "Il link è incompleto o è stato modificato. Inserisci il tuo indirizzo email e te ne invieremo uno nuovo.",
  "emailMethods.verify.pendingTitle": "Controlla la posta in arrivo",
  "emailMethods.verify.pendingBody":
    "Abbiamo inviato un link di conferma al tuo indirizzo email. Aprilo per completare la configurazione del tuo account. Non è arrivato nulla? Invia un nuovo link.",
  "emailMethods.verify.sentBody":
    "Se {email} ha un account ancora da confermare, un nuovo link è in arrivo. Funziona per 24 ore.",
  "emailMethods.verify.resend": "Invia un nuovo link",
  "emailMethods.verify.signIn": "Accedi",
  "emailMethods.account.verified": "Confermato",
  "emailMethods.account.unverified": "Non ancora confermato",
  "emailMethods.account.resend": "Invia email di conferma",
  "emailMethods.account.sent": "Abbiamo inviato un link di conferma a {email}.",
  "emailMethods.magicLink.title": "Accedi con un link",
  "emailMethods.magicLink.subtitle": "Inserisci il tuo indirizzo email e ti invieremo un link per accedere.",
  "emailMethods.magicLink.submit": "Inviami un link via email",
  "emailMethods.magicLink.sentTitle": "Controlla la posta in arrivo",
  "emailMethods.magicLink.sentBody":
    "Abbiamo inviato un link di accesso a {email}. Funziona una sola volta e scade tra {minutes, plural, one {# minuto} other {# minuti}}. Puoi chiudere questa pagina.",
  "emailMethods.magicLink.failedTitle": "Questo link di accesso non funziona più",
  "emailMethods.magicLink.failedBody":
    "I link di accesso funzionano una sola volta e scadono dopo pochi minuti. Inserisci il tuo indirizzo email per riceverne uno nuovo.",
  "emailMethods.magicLink.signUpClosed":
    "Non esiste un account per questo indirizzo email e qui non è possibile crearne di nuovi.",
  "emailMethods.backToSignIn": "Torna all’accesso",
  "emailMethods.useAnotherEmail": "Usa un altro indirizzo email",
  "emailMethods.code.title": "Accedi con un codice",
  "emailMethods.code.subtitle": "Inserisci il tuo indirizzo email e ti invieremo un codice monouso.",
  "emailMethods.code.submitEmail": "Inviami un codice via email",
  "emailMethods.code.enterTitle": "Inserisci il codice",
  "emailMethods.code.enterBody":
    "Se {email} può accedere qui, è in arrivo un codice a {length} cifre. Scade tra {minutes, plural, one {# minuto} other {# minuti}}.",
  "emailMethods.code.label": "Codice monouso",
  "emailMethods.code.submitCode": "Accedi",
  "emailMethods.code.wrong":
    "Il codice non è corretto. {remaining, plural, one {Resta # tentativo} other {Restano # tentativi}}.",
  "emailMethods.code.wrongLast": "Il codice non è corretto. Resta 1 tentativo.",
  "emailMethods.code.tooMany": "Troppi codici errati. Questo codice non funziona più: richiedine uno nuovo.",
  "emailMethods.code.expired": "Questo codice è scaduto. Richiedine uno nuovo.",
  "emailMethods.code.format": "Inserisci il codice a {length} cifre ricevuto via email.",
  "emailMethods.code.startOver": "Ricevi un nuovo codice",
};
