/** passkeys in pl; keys and placeholders as in ../passkeys.ts. */
export const pl = {
  "passkeys.signIn.button": "Zaloguj się kluczem dostępu",
  "passkeys.signIn.pending": "Czekamy na Twój klucz dostępu…",
  "passkeys.errors.cancelled":
    "Żądanie klucza dostępu zostało anulowane lub upłynął jego czas. Spróbuj ponownie lub zaloguj się w inny sposób.",
  "passkeys.errors.unknownPasskey":
    "Ten klucz dostępu nie należy do konta w {tenant}. Użyj klucza dostępu utworzonego tutaj lub zaloguj się w inny sposób.",
  "passkeys.errors.failed":
    "Nie udało się zweryfikować tego klucza dostępu. Spróbuj ponownie lub zaloguj się w inny sposób.",
  "passkeys.errors.expired": "Żądanie klucza dostępu wygasło. Spróbuj ponownie.",
  "passkeys.errors.alreadyRegistered": "To urządzenie ma już klucz dostępu do Twojego konta.",
  "passkeys.errors.reauthenticate": "Ze względów bezpieczeństwa zaloguj się ponownie, zanim dodasz klucz dostępu.",
  "passkeys.errors.unsupported": "Ta przeglądarka nie obsługuje kluczy dostępu.",
  "passkeys.errors.nameRequired": "Podaj nazwę klucza dostępu (najwyżej 64 znaki).",
  "passkeys.errors.notFound": "Ten klucz dostępu już nie istnieje.",
  "passkeys.account.title": "Klucze dostępu",
  "passkeys.account.intro": "Loguj się odciskiem palca, twarzą lub blokadą ekranu zamiast hasłem.",
  "passkeys.account.none": "Nie masz jeszcze kluczy dostępu.",
  "passkeys.account.add": "Dodaj klucz dostępu",
  "passkeys.account.adding": "Postępuj zgodnie z poleceniami przeglądarki…",
  "passkeys.account.added": "Dodano klucz dostępu.",
  "passkeys.account.renamed": "Zmieniono nazwę klucza dostępu.",
  "passkeys.account.deleted": "Usunięto klucz dostępu.",
  "passkeys.account.unnamed": "Klucz dostępu",
  "passkeys.account.created": "Dodano {date}",
  "passkeys.account.synced": "Synchronizowany klucz dostępu",
  "passkeys.account.deviceBound": "Tylko to urządzenie",
  "passkeys.account.name": "Nazwa: {name}",
  "passkeys.account.rename": "Zmień nazwę",
  "passkeys.account.delete": "Usuń {name}",
  "passkeys.account.needsJavaScript": "Dodanie klucza dostępu wymaga JavaScriptu w tej przeglądarce.",
};
