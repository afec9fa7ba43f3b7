/** sign-in-protection in fr; keys and placeholders as in ../sign-in-protection.ts. */
export const fr = {
  "signInProtection.otherWays": "Autres moyens de connexion :",
  "signInProtection.resetPassword": "Réinitialiser votre mot de passe",
  "signInProtection.checkEmail": "Consultez vos e-mails",
  "signInProtection.checkEmailText":
    "Si {email} peut être utilisé pour un nouveau compte, nous lui avons envoyé ce qu’il faut pour continuer. Suivez l’e-mail pour poursuivre.",
  "emails.accountThrottled.subject": "Tentatives de connexion échouées sur votre compte {product}",
  "emails.accountThrottled.preview":
    "Quelqu’un a tenté de se connecter à votre compte avec un mot de passe ou un code erroné.",
  "emails.accountThrottled.heading": "Tentatives de connexion échouées",
  "emails.accountThrottled.body":
    "{failures, plural, one {# tentative de connexion a échoué} other {# tentatives de connexion ont échoué}} sur votre compte {product} ({email}) avec un mot de passe ou un code erroné. Nous ralentissons désormais les tentatives suivantes.",
  "emails.accountThrottled.notYou":
    "Si ce n’était pas vous, votre mot de passe protège toujours votre compte. Par précaution, choisissez-en un nouveau ; la connexion avec un lien ou un code fonctionne toujours.",
  "emails.accountThrottled.button": "Réinitialiser votre mot de passe",
  "emails.signUpAttempt.subject": "Quelqu’un a tenté de s’inscrire sur {product} avec votre adresse",
  "emails.signUpAttempt.preview": "Vous avez déjà un compte : aucun nouveau compte n’a été créé.",
  "emails.signUpAttempt.heading": "Vous avez déjà un compte",
  "emails.signUpAttempt.body":
    "Quelqu’un vient d’essayer de créer un compte {product} avec {email}. Vous en avez déjà un : rien n’a été modifié.",
  "emails.signUpAttempt.notYou":
    "Si c’était vous, connectez-vous plutôt. Si vous avez oublié votre mot de passe, réinitialisez-le. Si ce n’était pas vous, vous pouvez ignorer cet e-mail.",
  "emails.signUpAttempt.button": "Se connecter",
};
