/** sso in tr; keys and placeholders as in ../sso.ts. */
export const tr = {
  "sso.link": "Çoklu oturum açma (SSO) ile giriş yap",
  "sso.title": "Çoklu oturum açma ile giriş yap",
  "sso.subtitle": "İş e-posta adresinizi girin. Sizi kuruluşunuzun giriş sayfasına götüreceğiz.",
  "sso.email": "İş e-postası",
  "sso.submit": "Devam",
  "sso.invalidEmail": "alice@example.com gibi bir e-posta adresi girin.",
  "sso.noConnection":
    "Bu e-posta adresinin alan adında çoklu oturum açma kullanan bir kuruluş yok. Başka bir yolla giriş yapın.",
  "sso.unavailable": "Kuruluşunuzun giriş sayfasına şu anda ulaşılamıyor. Biraz sonra yeniden deneyin.",
};
