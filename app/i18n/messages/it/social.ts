/** social in it; keys and placeholders as in ../social.ts. */
export const it = {
  "social.continueWith": "Continua con {provider}",
  "social.or": "oppure",
  "social.error.title": "Non siamo riusciti a farti accedere",
  "social.error.state":
    "Non siamo riusciti a confermare che questo accesso sia iniziato qui. Succede quando ha richiesto più di dieci minuti, è stato completato in un altro browser o il link è stato modificato.",
  "social.error.stateNext": "Ricomincia dalla pagina di accesso.",
  "social.error.denied": "L’accesso è stato annullato presso il provider, oppure il provider lo ha rifiutato.",
  "social.error.deniedNext": "Riprova oppure scegli un altro modo per accedere.",
  "social.error.notLinked":
    "Qui esiste già un account con questo indirizzo email e non siamo riusciti a confermare che sia tuo: il provider o questo account non ha verificato l’indirizzo email.",
  "social.error.notLinkedNext":
    "Accedi come fai di solito. Una volta verificato il tuo indirizzo email, l’accesso tramite il provider verrà collegato al tuo account.",
  "social.error.noEmail": "Il provider non ci ha comunicato un indirizzo email verificato.",
  "social.error.noEmailNext":
    "Consenti l’accesso al tuo indirizzo email presso il provider, oppure scegli un altro modo per accedere.",
  "social.error.signUpClosed":
    "Non esiste un account per questo indirizzo email e qui non è possibile crearne di nuovi.",
  "social.error.signUpClosedNext": "Accedi con un account esistente oppure chiedi un invito a un amministratore.",
  "social.error.unavailable": "Questo metodo di accesso non è disponibile al momento.",
  "social.error.unavailableNext": "Scegli un altro modo per accedere oppure riprova più tardi.",
  "social.error.other": "Si è verificato un problema durante l’accesso tramite il provider.",
  "social.error.otherNext": "Riprova tra poco oppure scegli un altro modo per accedere.",
  "social.error.code": "Codice di errore: {code}",
  "social.error.back": "Torna all’accesso",
};
