/** passkeys in fr; keys and placeholders as in ../passkeys.ts. */
export const fr = {
  "passkeys.signIn.button": "Se connecter avec une clé d’accès",
  "passkeys.signIn.pending": "En attente de votre clé d’accès…",
  "passkeys.errors.cancelled":
    "La demande de clé d’accès a été annulée ou a expiré. Réessayez, ou connectez-vous autrement.",
  "passkeys.errors.unknownPasskey":
    "Cette clé d’accès n’appartient à aucun compte chez {tenant}. Utilisez une clé d’accès créée ici, ou connectez-vous autrement.",
  "passkeys.errors.failed": "Nous n’avons pas pu vérifier cette clé d’accès. Réessayez, ou connectez-vous autrement.",
  "passkeys.errors.expired": "La demande de clé d’accès a expiré. Réessayez.",
  "passkeys.errors.alreadyRegistered": "Cet appareil possède déjà une clé d’accès pour votre compte.",
  "passkeys.errors.reauthenticate": "Pour votre sécurité, reconnectez-vous avant d’ajouter une clé d’accès.",
  "passkeys.errors.unsupported": "Ce navigateur ne peut pas utiliser de clés d’accès.",
  "passkeys.errors.nameRequired": "Saisissez un nom pour la clé d’accès (64 caractères au maximum).",
  "passkeys.errors.notFound": "Cette clé d’accès n’existe plus.",
  "passkeys.account.title": "Clés d’accès",
  "passkeys.account.intro":
    "Connectez-vous avec votre empreinte digitale, votre visage ou le verrouillage de l’écran plutôt qu’avec un mot de passe.",
  "passkeys.account.none": "Vous n’avez pas encore de clé d’accès.",
  "passkeys.account.add": "Ajouter une clé d’accès",
  "passkeys.account.adding": "Suivez les instructions de votre navigateur…",
  "passkeys.account.added": "Clé d’accès ajoutée.",
  "passkeys.account.renamed": "Clé d’accès renommée.",
  "passkeys.account.deleted": "Clé d’accès supprimée.",
  "passkeys.account.unnamed": "Clé d’accès",
  "passkeys.account.created": "Ajoutée le {date}",
  "passkeys.account.synced": "Clé d’accès synchronisée",
  "passkeys.account.deviceBound": "Cet appareil uniquement",
  "passkeys.account.name": "Nom de {name}",
  "passkeys.account.rename": "Renommer",
  "passkeys.account.delete": "Supprimer {name}",
  "passkeys.account.needsJavaScript": "L’ajout d’une clé d’accès nécessite JavaScript dans ce navigateur.",
};
