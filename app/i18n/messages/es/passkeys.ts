/** passkeys in es; keys and placeholders as in ../passkeys.ts. */
export const es = {
  "passkeys.signIn.button": "Iniciar sesión con una llave de acceso",
  "passkeys.signIn.pending": "Esperando tu llave de acceso…",
  "passkeys.errors.cancelled":
    "La solicitud de la llave de acceso se canceló o se agotó el tiempo. Inténtalo de nuevo o inicia sesión de otra forma.",
  "passkeys.errors.unknownPasskey":
    "Esta llave de acceso no pertenece a ninguna cuenta de {tenant}. Usa una llave de acceso que hayas creado aquí o inicia sesión de otra forma.",
  "passkeys.errors.failed":
    "No hemos podido verificar esta llave de acceso. Inténtalo de nuevo o inicia sesión de otra forma.",
  "passkeys.errors.expired": "La solicitud de la llave de acceso ha caducado. Inténtalo de nuevo.",
  "passkeys.errors.alreadyRegistered": "Este dispositivo ya tiene una llave de acceso para tu cuenta.",
  "passkeys.errors.reauthenticate": "Por tu seguridad, vuelve a iniciar sesión antes de añadir una llave de acceso.",
  "passkeys.errors.unsupported": "Este navegador no admite llaves de acceso.",
  "passkeys.errors.nameRequired": "Introduce un nombre para la llave de acceso (64 caracteres como máximo).",
  "passkeys.errors.notFound": "Esa llave de acceso ya no existe.",
  "passkeys.account.title": "Llaves de acceso",
  "passkeys.account.intro": "Inicia sesión con tu huella, tu cara o el bloqueo de pantalla en lugar de una contraseña.",
  "passkeys.account.none": "Aún no tienes llaves de acceso.",
  "passkeys.account.add": "Añadir una llave de acceso",
  "passkeys.account.adding": "Sigue las indicaciones del navegador…",
  "passkeys.account.added": "Llave de acceso añadida.",
  "passkeys.account.renamed": "Llave de acceso renombrada.",
  "passkeys.account.deleted": "Llave de acceso eliminada.",
  "passkeys.account.unnamed": "Llave de acceso",
  "passkeys.account.created": "Añadida el {date}",
  "passkeys.account.synced": "Llave de acceso sincronizada",
  "passkeys.account.deviceBound": "Solo este dispositivo",
  "passkeys.account.name": "Nombre de {name}",
  "passkeys.account.rename": "Renombrar",
  "passkeys.account.delete": "Eliminar {name}",
  "passkeys.account.needsJavaScript": "Para añadir una llave de acceso se necesita JavaScript en este navegador.",
};
