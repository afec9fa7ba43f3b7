/** privacy in fr; keys and placeholders as in ../privacy.ts. */
export const fr = {
  "privacy.title": "Vos données",
  "privacy.intro":
    "Téléchargez tout ce que nous détenons sur vous dans un fichier JSON, ou supprimez votre compte et les données qui lui appartiennent.",
  "privacy.download": "Télécharger mes données",
  "privacy.delete": "Supprimer mon compte",
  "privacy.deleteTitle": "Supprimer votre compte",
  "privacy.deleteWarning":
    "Cette action supprime {email} avec ses moyens de connexion, clés d’accès, sessions et appartenances à des organisations. Elle est irréversible.",
  "privacy.deletePassword": "Votre mot de passe",
  "privacy.deletePasswordHint": "Pour confirmer votre identité.",
  "privacy.deleteFresh": "Vous vous êtes connecté récemment : aucun mot de passe n’est nécessaire.",
  "privacy.deleteConfirm": "Je comprends que mon compte sera supprimé définitivement",
  "privacy.deleteSubmit": "Supprimer mon compte",
  "privacy.deleteCancel": "Conserver mon compte",
  "privacy.deleted": "Votre compte a été supprimé.",
  "privacy.deletedText":
    "Votre compte et les données qui lui appartenaient ont été supprimés. Vous pouvez fermer cette page.",
  "privacy.error.confirm": "Cochez la case pour confirmer.",
  "privacy.error.password": "Ce mot de passe est incorrect.",
  "privacy.error.reauthenticate":
    "Pour votre sécurité, déconnectez-vous puis reconnectez-vous, et supprimez votre compte dans la journée.",
};
