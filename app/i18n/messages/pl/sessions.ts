/** sessions in pl; keys and placeholders as in ../sessions.ts. */
export const pl = {
  "sessions.title": "Konta w tej przeglądarce",
  "sessions.subtitle": "Przełączaj się między zalogowanymi tu kontami bez ponownego logowania.",
  "sessions.listLabel": "Zalogowane konta",
  "sessions.current": "bieżące",
  "sessions.switch": "Przełącz",
  "sessions.switchTo": "Przełącz na {email}",
  "sessions.signOut": "Wyloguj się",
  "sessions.signOutOf": "Wyloguj z {email}",
  "sessions.addAccount": "Dodaj kolejne konto",
  "sessions.limitReached":
    "W jednej przeglądarce może być zalogowanych najwyżej {maximum, plural, one {# konto} few {# konta} many {# kont} other {# konta}}.",
  "sessions.addingTitle": "Dodaj kolejne konto",
  "sessions.addingText": "Pozostajesz zalogowany na bieżącym koncie; przełączaj się między nimi na stronie konta.",
  "sessions.backToAccount": "Wróć do konta",
  "sessions.failed": "Nie udało się zmienić konta",
  "sessions.error.notSignedIn": "To konto nie jest już zalogowane w tej przeglądarce.",
};
