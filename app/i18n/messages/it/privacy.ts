/** privacy in it; keys and placeholders as in ../privacy.ts. */
export const it = {
  "privacy.title": "I tuoi dati",
  "privacy.intro":
    "Scarica tutto ciò che conserviamo su di te in un file JSON, oppure elimina il tuo account e i dati che gli appartengono.",
  "privacy.download": "Scarica i miei dati",
  "privacy.delete": "Elimina il mio account",
  "privacy.deleteTitle": "Elimina il tuo account",
  "privacy.deleteWarning":
    "Questa operazione elimina {email} con i suoi metodi di accesso, passkey, sessioni e appartenenze alle organizzazioni. Non può essere annullata.",
  "privacy.deletePassword": "La tua password",
  "privacy.deletePasswordHint": "Per confermare che sei tu.",
  "privacy.deleteFresh": "Hai effettuato l’accesso di recente, quindi la password non serve.",
  "privacy.deleteConfirm": "Ho capito che il mio account verrà eliminato definitivamente",
  "privacy.deleteSubmit": "Elimina il mio account",
  "privacy.deleteCancel": "Mantieni il mio account",
  "privacy.deleted": "Il tuo account è stato eliminato.",
  "privacy.deletedText":
    "Il tuo account e i dati che gli appartenevano sono stati eliminati. Puoi chiudere questa pagina.",
  "privacy.error.confirm": "Seleziona la casella per confermare.",
  "privacy.error.password": "La password non è corretta.",
  "privacy.error.reauthenticate":
    "Per la tua sicurezza, esci e accedi di nuovo, poi elimina il tuo account entro un giorno.",
};
