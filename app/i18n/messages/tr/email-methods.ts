/** email-methods in tr; keys and placeholders as in ../email-methods.ts. */
export const tr = {
  "emailMethods.signIn.magicLink": "Bana giriş bağlantısı gönder",
  "emailMethods.signIn.emailCode": "Bana e-postayla kod gönder",
  "emailMethods.signIn.resendVerification": "Yeni doğrulama bağlantısı gönder",
  "emailMethods.verify.title": "E-postanızı doğrulayın",
  "emailMethods.verify.verifiedTitle": "E-posta adresiniz doğrulandı",
  "emailMethods.verify.verifiedBody": "Teşekkürler. Hesabınız hazır.",
  "emailMethods.verify.continue": "Devam",
  "emailMethods.verify.alreadyTitle": "Bu bağlantı zaten kullanıldı",
  "emailMethods.verify.alreadyBody": "E-posta adresiniz zaten doğrulanmış. Devam etmek için giriş yapın.",
  "emailMethods.verify.expiredTitle": "Bu bağlantının süresi doldu",
  "emailMethods.verify.expiredBody":
    "Doğrulama bağlantıları 24 saat geçerlidir. E-posta adresinizi girin, size yeni bir bağlantı gönderelim.",
  "emailMethods.verify.invalidTitle": "Bu bağlantı çalışmıyor",
  "emailMethods.verify.invalidBody":
    "Bağlantı eksik veya değiştirilmiş. E-posta adresinizi girin, size yeni bir bağlantı gönderelim.",
  "emailMethods.verify.pendingTitle": "Gelen kutunuzu kontrol edin",
  "emailMethods.verify.pendingBody":
    "E-posta adresinize bir doğrulama bağlantısı gönderdik. Hesabınızın kurulumunu tamamlamak için bağlantıyı açın. Hiçbir şey gelmedi mi? Yeni bir bağlantı gönderin.",
  "emailMethods.verify.sentBody":
    "{email} adresinin hâlâ doğrulanması gereken bir hesabı varsa, yeni bir bağlantı yolda. Bağlantı 24 saat geçerlidir.",
  "emailMethods.verify.resend": "Yeni bağlantı gönder",
  "emailMethods.verify.signIn": "Giriş yap",
  "emailMethods.account.verified": "Doğrulandı",
  "emailMethods.account.unverified": "Henüz doğrulanmadı",
  "emailMethods.account.resend": "Doğrulama e-postası gönder",
  "emailMethods.account.sent": "{email} adresine bir doğrulama bağlantısı gönderdik.",
  "emailMethods.magicLink.title": "Bağlantıyla giriş yap",
  "emailMethods.magicLink.subtitle":
    "E-posta adresinizi girin, size giriş yapmanızı sağlayacak bir bağlantı gönderelim.",
  "emailMethods.magicLink.submit": "Bana bağlantı gönder",
  "emailMethods.magicLink.sentTitle": "Gelen kutunuzu kontrol edin",
  "emailMethods.magicLink.sentBody":
    "{email} adresine bir giriş bağlantısı gönderdik. Bağlantı bir kez çalışır ve süresi {minutes} dakika içinde dolar. Bu sayfayı kapatabilirsiniz.",
  "emailMethods.magicLink.failedTitle": "Bu giriş bağlantısı artık çalışmıyor",
  "emailMethods.magicLink.failedBody":
    "Giriş bağlantıları bir kez çalışır ve birkaç dakika sonra geçerliliğini yitirir. Yeni bir bağlantı almak için e-posta adresinizi girin.",
  "emailMethods.magicLink.signUpClosed": "Bu e-posta adresi için bir hesap yok ve burada yeni hesap oluşturulamıyor.",
  "emailMethods.backToSignIn": "Girişe dön",
  "emailMethods.useAnotherEmail": "Başka bir e-posta adresi kullan",
  "emailMethods.code.title": "Kodla giriş yap",
  "emailMethods.code.subtitle": "E-posta adresinizi girin, size tek kullanımlık bir kod gönderelim.",
  "emailMethods.code.submitEmail": "Bana e-postayla kod gönder",
  "emailMethods.code.enterTitle": "Kodunuzu girin",
  "emailMethods.code.enterBody":
    "{email} burada giriş yapabiliyorsa {length} haneli bir kod yolda. Kodun süresi {minutes} dakika içinde dolar.",
  "emailMethods.code.label": "Tek kullanımlık kod",
  "emailMethods.code.submitCode": "Giriş yap",
  "emailMethods.code.wrong": "Bu kod doğru değil. {remaining} deneme hakkınız kaldı.",
  "emailMethods.code.wrongLast": "Bu kod doğru değil. 1 deneme hakkınız kaldı.",
  "emailMethods.code.tooMany": "Çok fazla yanlış kod. Bu kod artık çalışmıyor: yeni bir kod isteyin.",
  "emailMethods.code.expired": "Bu kodun süresi doldu. Yeni bir kod isteyin.",
  "emailMethods.code.format": "E-postadaki {length} haneli kodu girin.",
  "emailMethods.code.startOver": "Yeni kod al",
};
