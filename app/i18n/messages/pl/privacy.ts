/** privacy in pl; keys and placeholders as in ../privacy.ts. */
export const pl = {
  "privacy.title": "Twoje dane",
  "privacy.intro":
    "Pobierz wszystko, co o Tobie przechowujemy, jako plik JSON albo usuń konto i należące do niego dane.",
  "privacy.download": "Pobierz moje dane",
  "privacy.delete": "Usuń moje konto",
  "privacy.deleteTitle": "Usuń konto",
  "privacy.deleteWarning":
    "Spowoduje to usunięcie {email} wraz z metodami logowania, kluczami dostępu, sesjami i członkostwami w organizacjach. Tego nie można cofnąć.",
  "privacy.deletePassword": "Twoje hasło",
  "privacy.deletePasswordHint": "Aby potwierdzić, że to Ty.",
  "privacy.deleteFresh": "Logowałeś się niedawno, więc hasło nie jest potrzebne.",
  "privacy.deleteConfirm": "Rozumiem, że moje konto zostanie trwale usunięte",
  "privacy.deleteSubmit": "Usuń moje konto",
  "privacy.deleteCancel": "Zachowaj moje konto",
  "privacy.deleted": "Twoje konto zostało usunięte.",
  "privacy.deletedText": "Twoje konto i należące do niego dane zostały usunięte. Możesz zamknąć tę stronę.",
  "privacy.error.confirm": "Zaznacz pole, aby potwierdzić.",
  "privacy.error.password": "To hasło jest nieprawidłowe.",
  "privacy.error.reauthenticate":
    "Ze względów bezpieczeństwa wyloguj się i zaloguj ponownie, a następnie usuń konto w ciągu doby.",
};
