/** sign-in-protection in pl; keys and placeholders as in ../sign-in-protection.ts. */
export const pl = {
  "signInProtection.otherWays": "Inne sposoby logowania:",
  "signInProtection.resetPassword": "Zresetuj hasło",
  "signInProtection.checkEmail": "Sprawdź pocztę",
  "signInProtection.checkEmailText":
    "Jeśli {email} można użyć do utworzenia nowego konta, wysłaliśmy na ten adres wszystko, co potrzebne, aby kontynuować. Postępuj zgodnie z wiadomością.",
  "emails.accountThrottled.subject": "Nieudane próby logowania na Twoje konto w {product}",
  "emails.accountThrottled.preview": "Ktoś próbował zalogować się na Twoje konto przy użyciu błędnego hasła lub kodu.",
  "emails.accountThrottled.heading": "Nieudane próby logowania",
  "emails.accountThrottled.body":
    "{failures, plural, one {Odnotowaliśmy # nieudaną próbę} few {Odnotowaliśmy # nieudane próby} many {Odnotowaliśmy # nieudanych prób} other {Odnotowaliśmy # nieudanej próby}} logowania na Twoje konto w {product} ({email}) przy użyciu błędnego hasła lub kodu. Od teraz spowalniamy kolejne próby.",
  "emails.accountThrottled.notYou":
    "Jeśli to nie Ty, hasło nadal chroni Twoje konto. Dla bezpieczeństwa ustaw nowe; logowanie linkiem lub kodem zawsze działa.",
  "emails.accountThrottled.button": "Zresetuj hasło",
  "emails.signUpAttempt.subject": "Ktoś próbował zarejestrować się w {product} z Twoim adresem",
  "emails.signUpAttempt.preview": "Masz już konto, więc nie utworzono nowego.",
  "emails.signUpAttempt.heading": "Masz już konto",
  "emails.signUpAttempt.body":
    "Ktoś właśnie próbował utworzyć konto w {product} z adresem {email}. Masz już konto, więc nic nie zostało zmienione.",
  "emails.signUpAttempt.notYou":
    "Jeśli to Ty, po prostu się zaloguj. Jeśli nie pamiętasz hasła, zresetuj je. Jeśli to nie Ty, możesz zignorować tę wiadomość.",
  "emails.signUpAttempt.button": "Zaloguj się",
};
