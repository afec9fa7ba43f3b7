/** auth-errors in it; keys and placeholders as in ../auth-errors.ts. */
export const it = {
  "authErrors.invalidCredentials": "Email o password non corretta.",
  "authErrors.emailNotVerified":
    "Conferma il tuo indirizzo email prima di accedere: apri il link che ti abbiamo inviato.",
  "authErrors.tooManyAttempts": "Troppi tentativi. Attendi un minuto, poi riprova.",
  "authErrors.accountThrottled":
    "Troppi tentativi per questo account. Riprova tra {seconds, plural, one {# secondo} other {# secondi}} o accedi con un link.",
  "authErrors.accountLocked":
    "Troppi tentativi non riusciti per questo account: l’accesso con password è sospeso. Accedi con un link o un codice, oppure reimposta la password.",
  "authErrors.busy": "Molte persone stanno accedendo in questo momento. Riprova tra qualche secondo.",
  "authErrors.passkeyCancelled":
    "La richiesta della passkey è stata annullata o è scaduta. Riprova oppure accedi in un altro modo.",
  "authErrors.passkeyFailed": "Non siamo riusciti a verificare questa passkey. Riprova oppure accedi in un altro modo.",
  "authErrors.networkError": "Impossibile raggiungere il servizio di accesso. Controlla la connessione, poi riprova.",
};
