/** privacy in es; keys and placeholders as in ../privacy.ts. */
export const es = {
  "privacy.title": "Tus datos",
  "privacy.intro":
    "Descarga todo lo que tenemos sobre ti en un archivo JSON, o elimina tu cuenta y los datos que le pertenecen.",
  "privacy.download": "Descargar mis datos",
  "privacy.delete": "Eliminar mi cuenta",
  "privacy.deleteTitle": "Eliminar tu cuenta",
  "privacy.deleteWarning":
    "Se eliminará {email} junto con sus métodos de inicio de sesión, llaves de acceso, sesiones y pertenencias a organizaciones. No se puede deshacer.",
  "privacy.deletePassword": "Tu contraseña",
  "privacy.deletePasswordHint": "Para confirmar que eres tú.",
  "privacy.deleteFresh": "Has iniciado sesión hace poco, así que no hace falta la contraseña.",
  "privacy.deleteConfirm": "Entiendo que mi cuenta se eliminará para siempre",
  "privacy.deleteSubmit": "Eliminar mi cuenta",
  "privacy.deleteCancel": "Conservar mi cuenta",
  "privacy.deleted": "Tu cuenta se ha eliminado.",
  "privacy.deletedText": "Tu cuenta y los datos que le pertenecían se han eliminado. Puedes cerrar esta página.",
  "privacy.error.confirm": "Marca la casilla para confirmar.",
  "privacy.error.password": "Esa contraseña no es correcta.",
  "privacy.error.reauthenticate":
    "Por tu seguridad, cierra sesión y vuelve a iniciarla; después, elimina tu cuenta en el plazo de un día.",
};
