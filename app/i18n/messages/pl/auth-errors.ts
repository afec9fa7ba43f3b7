/** auth-errors in pl; keys and placeholders as in ../auth-errors.ts. */
export const pl = {
  "authErrors.invalidCredentials": "Nieprawidłowy e-mail lub hasło.",
  "authErrors.emailNotVerified": "Przed zalogowaniem potwierdź adres e-mail: otwórz link, który Ci wysłaliśmy.",
  "authErrors.tooManyAttempts": "Zbyt wiele prób. Odczekaj minutę i spróbuj ponownie.",
  "authErrors.accountThrottled":
    "Zbyt wiele prób dla tego konta. Spróbuj ponownie za {seconds, plural, one {# sekundę} few {# sekundy} many {# sekund} other {# sekundy}} lub zaloguj się linkiem.",
  "authErrors.accountLocked":
    "Zbyt wiele nieudanych prób dla tego konta: logowanie hasłem jest wstrzymane. Zaloguj się linkiem lub kodem albo zresetuj hasło.",
  "authErrors.busy": "W tej chwili loguje się wiele osób. Spróbuj ponownie za kilka sekund.",
  "authErrors.passkeyCancelled":
    "Żądanie klucza dostępu zostało anulowane lub upłynął jego czas. Spróbuj ponownie lub zaloguj się w inny sposób.",
  "authErrors.passkeyFailed":
    "Nie udało się zweryfikować tego klucza dostępu. Spróbuj ponownie lub zaloguj się w inny sposób.",
  "authErrors.networkError": "Nie udało się połączyć z usługą logowania. Sprawdź połączenie i spróbuj ponownie.",
};
