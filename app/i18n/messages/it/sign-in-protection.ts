/** sign-in-protection in it; keys and placeholders as in ../sign-in-protection.ts. */
export const it = {
  "signInProtection.otherWays": "Altri modi per accedere:",
  "signInProtection.resetPassword": "Reimposta la password",
  "signInProtection.checkEmail": "Controlla la tua email",
  "signInProtection.checkEmailText":
    "Se {email} può essere usato per un nuovo account, gli abbiamo inviato ciò che serve per proseguire. Segui l’email per continuare.",
  "emails.accountThrottled.subject": "Tentativi di accesso non riusciti al tuo account {product}",
  "emails.accountThrottled.preview":
    "Qualcuno ha provato ad accedere al tuo account con una password o un codice errati.",
  "emails.accountThrottled.heading": "Tentativi di accesso non riusciti",
  "emails.accountThrottled.body":
    "{failures, plural, one {C’è stato # tentativo non riuscito} other {Ci sono stati # tentativi non riusciti}} di accedere al tuo account {product} ({email}) con una password o un codice errati. Da ora rallentiamo i tentativi successivi.",
  "emails.accountThrottled.notYou":
    "Se non sei stato tu, la tua password protegge ancora il tuo account. Per sicurezza, scegline una nuova; l’accesso con un link o un codice funziona sempre.",
  "emails.accountThrottled.button": "Reimposta la password",
  "emails.signUpAttempt.subject": "Qualcuno ha provato a registrarsi a {product} con il tuo indirizzo",
  "emails.signUpAttempt.preview": "Hai già un account, quindi non ne è stato creato uno nuovo.",
  "emails.signUpAttempt.heading": "Hai già un account",
  "emails.signUpAttempt.body":
    "Qualcuno ha appena provato a creare un account {product} con {email}. Ne hai già uno, quindi non è cambiato nulla.",
  "emails.signUpAttempt.notYou":
    "Se sei stato tu, accedi invece. Se hai dimenticato la password, reimpostala. Se non sei stato tu, puoi ignorare questa email.",
  "emails.signUpAttempt.button": "Accedi",
};
