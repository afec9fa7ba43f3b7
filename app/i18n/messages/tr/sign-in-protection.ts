/** sign-in-protection in tr; keys and placeholders as in ../sign-in-protection.ts. */
export const tr = {
  "signInProtection.otherWays": "Diğer giriş yolları:",
  "signInProtection.resetPassword": "Şifrenizi sıfırlayın",
  "signInProtection.checkEmail": "E-postanızı kontrol edin",
  "signInProtection.checkEmailText":
    "{email} yeni bir hesap için kullanılabiliyorsa, devam etmesi için gerekenleri gönderdik. Devam etmek için e-postadaki adımları izleyin.",
  "emails.accountThrottled.subject": "{product} hesabınızda başarısız giriş denemeleri",
  "emails.accountThrottled.preview": "Birisi hesabınıza yanlış bir şifre veya kodla giriş yapmaya çalıştı.",
  "emails.accountThrottled.heading": "Başarısız giriş denemeleri",
  "emails.accountThrottled.body":
    "{product} hesabınıza ({email}) yanlış bir şifre veya kodla {failures} kez başarısız giriş denemesi yapıldı. Bundan sonraki denemeleri yavaşlatıyoruz.",
  "emails.accountThrottled.notYou":
    "Bu siz değilseniz şifreniz hesabınızı korumaya devam ediyor. Güvende olmak için yeni bir şifre belirleyin; bağlantı veya kodla giriş her zaman çalışır.",
  "emails.accountThrottled.button": "Şifrenizi sıfırlayın",
  "emails.signUpAttempt.subject": "Birisi adresinizle {product} hizmetine kaydolmaya çalıştı",
  "emails.signUpAttempt.preview": "Zaten bir hesabınız olduğu için yeni hesap oluşturulmadı.",
  "emails.signUpAttempt.heading": "Zaten bir hesabınız var",
  "emails.signUpAttempt.body":
    "Birisi az önce {email} ile bir {product} hesabı oluşturmaya çalıştı. Zaten bir hesabınız olduğu için hiçbir şey değişmedi.",
  "emails.signUpAttempt.notYou":
    "Bu sizseniz bunun yerine giriş yapın. Şifrenizi unuttuysanız sıfırlayın. Siz değilseniz bu e-postayı yok sayabilirsiniz.",
  "emails.signUpAttempt.button": "Giriş yap",
};
