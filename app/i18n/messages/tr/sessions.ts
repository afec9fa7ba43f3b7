/** sessions in tr; keys and placeholders as in ../sessions.ts. */
export const tr = {
  "sessions.title": "Bu tarayıcıdaki hesaplar",
  "sessions.subtitle": "Burada oturum açmış hesaplar arasında yeniden giriş yapmadan geçiş yapın.",
  "sessions.listLabel": "Oturum açmış hesaplar",
  "sessions.current": "geçerli",
  "sessions.switch": "Değiştir",
  "sessions.switchTo": "{email} hesabına geç",
  "sessions.signOut": "Çıkış yap",
  "sessions.signOutOf": "{email} hesabından çıkış yap",
  "sessions.addAccount": "Başka bir hesap ekle",
  "sessions.limitReached": "Bir tarayıcıda en fazla {maximum} hesap oturum açmış olabilir.",
  "sessions.addingTitle": "Başka bir hesap ekle",
  "sessions.addingText": "Mevcut hesabınızda oturumunuz açık kalır; hesaplar arasında hesap sayfanızdan geçiş yapın.",
  "sessions.backToAccount": "Hesabınıza dönün",
  "sessions.failed": "Hesap değiştirilemedi",
  "sessions.error.notSignedIn": "Bu hesabın bu tarayıcıda artık oturumu açık değil.",
};
