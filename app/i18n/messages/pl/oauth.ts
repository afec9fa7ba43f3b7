/** oauth in pl; keys and placeholders as in ../oauth.ts. */
export const pl = {
  "oauth.consent.pageTitle": "Zezwól na dostęp",
  "oauth.consent.title": "Zezwolić {client} na korzystanie z Twojego konta w {tenant}?",
  "oauth.consent.signedInAs": "Zalogowano jako {email}",
  "oauth.consent.wants": "{client} prosi o:",
  "oauth.consent.redirect": "Po udzieleniu odpowiedzi wrócisz do {host}.",
  "oauth.consent.allow": "Zezwól",
  "oauth.consent.deny": "Odmów",
  "oauth.consent.terms": "Warunki korzystania z usługi",
  "oauth.consent.privacy": "Polityka prywatności",
  "oauth.scope.openid": "Potwierdzenie Twojej tożsamości",
  "oauth.scope.profile": "Wyświetlanie imienia i nazwiska oraz zdjęcia profilowego",
  "oauth.scope.email": "Wyświetlanie adresu e-mail",
  "oauth.scope.offline_access": "Utrzymywanie połączenia, gdy z niego nie korzystasz",
  "oauth.scope.organizations": "Wyświetlanie Twoich organizacji i ról w nich",
  "oauth.scope.other": "Użycie uprawnienia „{scope}”",
};
