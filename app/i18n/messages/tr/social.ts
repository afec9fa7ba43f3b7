/** social in tr; keys and placeholders as in ../social.ts. */
export const tr = {
  "social.continueWith": "{provider} ile devam et",
  "social.or": "veya",
  "social.error.title": "Giriş yapmanızı sağlayamadık",
  "social.error.state":
    "Bu girişin burada başlatıldığını doğrulayamadık. Bu durum, giriş on dakikadan uzun sürdüğünde, başka bir tarayıcıda tamamlandığında veya bağlantı değiştirildiğinde yaşanır.",
  "social.error.stateNext": "Giriş sayfasından yeniden başlayın.",
  "social.error.denied": "Giriş sağlayıcıda iptal edildi veya sağlayıcı girişi reddetti.",
  "social.error.deniedNext": "Tekrar deneyin veya başka bir giriş yöntemi seçin.",
  "social.error.notLinked":
    "Burada bu e-posta adresiyle zaten bir hesap var ve bu hesabın size ait olduğunu doğrulayamadık: sağlayıcı veya bu hesap e-posta adresini doğrulamamış.",
  "social.error.notLinkedNext":
    "Her zamanki gibi giriş yapın. E-posta adresiniz doğrulandıktan sonra sağlayıcıyla giriş hesabınıza bağlanır.",
  "social.error.noEmail": "Sağlayıcı bizimle doğrulanmış bir e-posta adresi paylaşmadı.",
  "social.error.noEmailNext": "Sağlayıcıda e-posta adresinize erişime izin verin veya başka bir giriş yöntemi seçin.",
  "social.error.signUpClosed": "Bu e-posta adresi için bir hesap yok ve burada yeni hesap oluşturulamıyor.",
  "social.error.signUpClosedNext": "Mevcut bir hesapla giriş yapın veya bir yöneticiden davet isteyin.",
  "social.error.unavailable": "Bu giriş yöntemi şu anda kullanılamıyor.",
  "social.error.unavailableNext": "Başka bir giriş yöntemi seçin veya daha sonra tekrar deneyin.",
  "social.error.other": "Sağlayıcıyla giriş yapılırken bir sorun oluştu.",
  "social.error.otherNext": "Biraz sonra tekrar deneyin veya başka bir giriş yöntemi seçin.",
  "social.error.code": "Hata kodu: {code}",
  "social.error.back": "Girişe dön",
};
