/** phone in it; keys and placeholders as in ../phone.ts. */
export const it = {
  "phone.link": "Usa il tuo numero di telefono",
  "phone.title": "Accedi con il telefono",
  "phone.intro": "Ti invieremo un codice via SMS per accedere.",
  "phone.number": "Numero di telefono",
  "phone.numberHint": "Con il prefisso internazionale, ad esempio +39 312 345 6789.",
  "phone.invalidNumber":
    "Inserisci il tuo numero di telefono con il prefisso internazionale, ad esempio +39 312 345 6789.",
  "phone.sendCode": "Invia codice",
  "phone.codeSent":
    "Abbiamo inviato un codice a {phone}. Scade tra {minutes, plural, one {# minuto} other {# minuti}}.",
  "phone.codeSentIfAccount":
    "Se un account usa {phone}, gli abbiamo inviato un codice. Scade tra {minutes, plural, one {# minuto} other {# minuti}}.",
  "phone.code": "Codice",
  "phone.codeFormat": "Inserisci il codice a {length} cifre ricevuto via SMS.",
  "phone.verify": "Accedi",
  "phone.wrongCode": "Il codice non è corretto. Controlla l’SMS e riprova.",
  "phone.codeExpired": "Il codice è scaduto. Richiedine uno nuovo.",
  "phone.tooManyAttempts": "Troppi codici errati. Richiedine uno nuovo.",
  "phone.noAccount":
    "Nessun account usa questo numero di telefono. Accedi in un altro modo, poi aggiungi il tuo numero nella pagina del tuo account.",
  "phone.otherNumber": "Usa un altro numero",
  "phone.resend": "Invia un nuovo codice",
  "phone.rateLimited": "Troppi tentativi. Attendi un minuto, poi riprova.",
  "phone.failed": "Non siamo riusciti a completare l’operazione. Riprova.",
  "phone.backToSignIn": "Torna all’accesso",
  "phone.sms.code":
    "{code} è il tuo codice per {tenant}. Scade tra {minutes, plural, one {# minuto} other {# minuti}}. Non condividerlo.",
  "phone.account.title": "Numero di telefono",
  "phone.account.none": "Nessun numero di telefono.",
  "phone.account.verified": "Verificato",
  "phone.account.add": "Aggiungi un numero di telefono",
  "phone.account.change": "Cambia numero di telefono",
  "phone.account.manage": "Impostazioni del numero di telefono",
  "phone.account.intro": "Invieremo un codice via SMS al numero per verificare che sia tuo.",
  "phone.account.verify": "Verifica numero",
  "phone.account.saved": "Il tuo numero di telefono {phone} è verificato.",
  "phone.account.inUse": "Un altro account usa già questo numero di telefono.",
  "phone.account.back": "Torna al tuo account",
};
