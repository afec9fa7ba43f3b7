/** sessions in it; keys and placeholders as in ../sessions.ts. */
export const it = {
  "sessions.title": "Account su questo browser",
  "sessions.subtitle": "Passa da un account all’altro tra quelli connessi qui, senza accedere di nuovo.",
  "sessions.listLabel": "Account connessi",
  "sessions.current": "attuale",
  "sessions.switch": "Cambia",
  "sessions.switchTo": "Passa a {email}",
  "sessions.signOut": "Esci",
  "sessions.signOutOf": "Esci da {email}",
  "sessions.addAccount": "Aggiungi un altro account",
  "sessions.limitReached":
    "Su un browser possono essere connessi al massimo {maximum, plural, one {# account} other {# account}}.",
  "sessions.addingTitle": "Aggiungi un altro account",
  "sessions.addingText":
    "Resti connesso al tuo account attuale; puoi passare dall’uno all’altro dalla pagina del tuo account.",
  "sessions.backToAccount": "Torna al tuo account",
  "sessions.failed": "Impossibile cambiare account",
  "sessions.error.notSignedIn": "Questo account non è più connesso su questo browser.",
};
