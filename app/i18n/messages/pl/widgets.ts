/** widgets in pl; keys and placeholders as in ../widgets.ts. */
export const pl = {
  "embed.title": "Widżety logowania dla {name}",
  "embed.intro":
    "Dodaj logowanie do dowolnej swojej strony za pomocą dwóch linii HTML: załaduj moduł, a potem umieść widżet. Widżety korzystają z motywu i języka tego najemcy.",
  "embed.live": "Na żywo",
  "embed.snippet": "Skopiuj i wklej",
  "embed.login.title": "Formularz logowania",
  "embed.login.text": "Wszystkie metody logowania włączone u tego najemcy, rejestracja i resetowanie hasła.",
  "embed.button.title": "Przycisk użytkownika",
  "embed.button.text":
    "Awatar z menu po zalogowaniu; w przeciwnym razie przycisk, który otwiera formularz logowania w oknie dialogowym.",
  "embed.profile.title": "Profil",
  "embed.profile.text":
    "Imię i nazwisko, e-mail, hasło, klucze dostępu, stan uwierzytelniania dwuskładnikowego i sesje zalogowanego użytkownika.",
  "embed.api.title": "Z Twojego kodu",
  "embed.api.text": "Wyślij krótkotrwały token JWT do swojego backendu, który zweryfikuje go kluczami tego najemcy:",
  "embed.origins":
    "Dodaj źródło (origin) swojej witryny do zaufanych źródeł najemcy (Ustawienia): to włącza też tokeny Bearer, których potrzebuje domyślny tryb tokenu. Ta strona pokazuje widżety w trybie cookie, ponieważ to witryna samego Portico.",
  "embed.docs": "Każdy atrybut, zdarzenie, część i zmienna CSS: docs/widgets.md.",
};
