/** oauth in tr; keys and placeholders as in ../oauth.ts. */
export const tr = {
  "oauth.consent.pageTitle": "Erişime izin ver",
  "oauth.consent.title": "{client} uygulamasının {tenant} hesabınızı kullanmasına izin verilsin mi?",
  "oauth.consent.signedInAs": "{email} olarak giriş yapıldı",
  "oauth.consent.wants": "{client} şunları istiyor:",
  "oauth.consent.redirect": "Yanıtınızdan sonra {host} adresine dönersiniz.",
  "oauth.consent.allow": "İzin ver",
  "oauth.consent.deny": "Reddet",
  "oauth.consent.terms": "Hizmet koşulları",
  "oauth.consent.privacy": "Gizlilik politikası",
  "oauth.scope.openid": "Kim olduğunuzu doğrulama",
  "oauth.scope.profile": "Adınızı ve profil fotoğrafınızı görme",
  "oauth.scope.email": "E-posta adresinizi görme",
  "oauth.scope.offline_access": "Kullanmadığınızda da bağlı kalma",
  "oauth.scope.organizations": "Kuruluşlarınızı ve bunlardaki rollerinizi görme",
  "oauth.scope.other": "“{scope}” iznini kullanma",
};
