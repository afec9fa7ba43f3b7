/** two-factor in fr; keys and placeholders as in ../two-factor.ts. */
export const fr = {
  "twoFactor.challenge.title": "Authentification à deux facteurs",
  "twoFactor.challenge.totpIntro": "Saisissez le code à 6 chiffres de votre application d’authentification.",
  "twoFactor.challenge.backupIntro": "Saisissez l’un de vos codes de secours. Chaque code ne fonctionne qu’une fois.",
  "twoFactor.challenge.code": "Code d’authentification",
  "twoFactor.challenge.backupCode": "Code de secours",
  "twoFactor.challenge.trustDevice":
    "Faire confiance à cet appareil pendant {days, plural, one {# jour} other {# jours}}",
  "twoFactor.challenge.submit": "Vérifier",
  "twoFactor.challenge.useBackup": "Utiliser plutôt un code de secours",
  "twoFactor.challenge.useTotp": "Utiliser plutôt votre application d’authentification",
  "twoFactor.challenge.expiredTitle": "Cette connexion a expiré",
  "twoFactor.challenge.expiredText":
    "Le délai pour saisir votre code est écoulé, ou cette connexion est déjà terminée. Reconnectez-vous pour pouvoir saisir un nouveau code.",
  "twoFactor.challenge.signInAgain": "Se reconnecter",
  "twoFactor.errors.codeRequired": "Saisissez le code.",
  "twoFactor.errors.invalidCode":
    "Ce code est incorrect. Vérifiez votre application d’authentification et saisissez le code actuel.",
  "twoFactor.errors.invalidBackupCode": "Ce code de secours n’est pas valide ou a déjà été utilisé.",
  "twoFactor.errors.tooManyAttempts": "Trop de codes erronés pour cette connexion. Reconnectez-vous pour réessayer.",
  "twoFactor.errors.locked": "Trop de codes erronés d’affilée. Votre compte est verrouillé pendant 15 minutes.",
  "twoFactor.errors.passwordRequired": "Saisissez votre mot de passe pour confirmer votre identité.",
  "twoFactor.errors.wrongPassword": "Ce mot de passe est incorrect.",
  "twoFactor.errors.setupExpired": "La configuration a été interrompue. Recommencez.",
  "twoFactor.errors.enforced":
    "L’authentification à deux facteurs est obligatoire pour votre compte ; elle ne peut donc pas être désactivée.",
  "twoFactor.account.title": "Authentification à deux facteurs",
  "twoFactor.account.on":
    "Activée : la connexion avec votre mot de passe demande aussi un code de votre application d’authentification.",
  "twoFactor.account.off":
    "Désactivée : ajoutez à votre mot de passe un code issu d’une application d’authentification.",
  "twoFactor.account.manage": "Gérer l’authentification à deux facteurs",
  "twoFactor.account.setUp": "Configurer l’authentification à deux facteurs",
  "twoFactor.setup.title": "Authentification à deux facteurs",
  "twoFactor.setup.required":
    "{tenant} exige l’authentification à deux facteurs pour votre compte. Configurez-la pour continuer.",
  "twoFactor.setup.intro":
    "Vous aurez besoin d’une application d’authentification, comme Google Authenticator, 1Password ou Microsoft Authenticator.",
  "twoFactor.setup.confirmPassword": "Mot de passe",
  "twoFactor.setup.start": "Continuer",
  "twoFactor.setup.scan": "Scannez ce code QR avec votre application d’authentification.",
  "twoFactor.setup.qrAlt": "Code QR pour votre application d’authentification",
  "twoFactor.setup.secret": "Ou saisissez cette clé manuellement :",
  "twoFactor.setup.issuer": "Votre application l’affichera sous le nom « {issuer} ».",
  "twoFactor.setup.code": "Code de l’application",
  "twoFactor.setup.confirm": "Activer l’authentification à deux facteurs",
  "twoFactor.setup.done": "L’authentification à deux facteurs est activée.",
  "twoFactor.backupCodes.title": "Vos codes de secours",
  "twoFactor.backupCodes.intro":
    "Conservez ces codes en lieu sûr. Chacun vous permet de vous connecter une fois si vous perdez votre application d’authentification. Ils ne sont affichés que maintenant.",
  "twoFactor.backupCodes.download": "Télécharger les codes",
  "twoFactor.backupCodes.fileHeader": "Codes de secours pour {tenant}. Chaque code ne fonctionne qu’une fois.",
  "twoFactor.backupCodes.continue": "J’ai enregistré mes codes",
  "twoFactor.manage.on": "L’authentification à deux facteurs est activée.",
  "twoFactor.manage.regenerateTitle": "Nouveaux codes de secours",
  "twoFactor.manage.regenerateText": "Crée 10 nouveaux codes ; les anciens cessent de fonctionner.",
  "twoFactor.manage.regenerate": "Créer de nouveaux codes de secours",
  "twoFactor.manage.disableTitle": "Désactiver",
  "twoFactor.manage.disableText": "La connexion ne demandera plus que votre mot de passe.",
  "twoFactor.manage.disable": "Désactiver l’authentification à deux facteurs",
  "twoFactor.manage.back": "Retour à votre compte",
};
