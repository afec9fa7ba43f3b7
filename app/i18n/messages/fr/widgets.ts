/** widgets in fr; keys and placeholders as in ../widgets.ts. */
export const fr = {
  "embed.title": "Widgets de connexion pour {name}",
  "embed.intro":
    "Ajoutez la connexion à n’importe quelle page qui vous appartient avec deux lignes de HTML : chargez le module, puis placez un widget. Ils suivent le thème et la langue de ce locataire.",
  "embed.live": "En direct",
  "embed.snippet": "Copier-coller",
  "embed.login.title": "Formulaire de connexion",
  "embed.login.text":
    "Tous les moyens de connexion activés pour ce locataire, l’inscription et la réinitialisation du mot de passe.",
  "embed.button.title": "Bouton utilisateur",
  "embed.button.text":
    "Un avatar avec un menu une fois connecté ; sinon, un bouton qui ouvre le formulaire de connexion dans une boîte de dialogue.",
  "embed.profile.title": "Profil",
  "embed.profile.text":
    "Nom, e-mail, mot de passe, clés d’accès, état de l’authentification à deux facteurs et sessions de l’utilisateur connecté.",
  "embed.api.title": "Depuis votre code",
  "embed.api.text": "Envoyez le JWT de courte durée à votre backend, qui le vérifie avec les clés de ce locataire :",
  "embed.origins":
    "Ajoutez l’origine de votre site aux origines de confiance du locataire (Paramètres) : cela active aussi les jetons Bearer dont a besoin le mode jeton, utilisé par défaut. Cette page affiche les widgets en mode cookie, car il s’agit du site de Portico lui-même.",
  "embed.docs": "Chaque attribut, événement, partie et variable CSS : docs/widgets.md.",
};
