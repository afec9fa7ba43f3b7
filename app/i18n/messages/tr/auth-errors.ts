/** auth-errors in tr; keys and placeholders as in ../auth-errors.ts. */
export const tr = {
  "authErrors.invalidCredentials": "E-posta veya şifre hatalı.",
  "authErrors.emailNotVerified":
    "Giriş yapmadan önce e-posta adresinizi doğrulayın: size gönderdiğimiz bağlantıyı açın.",
  "authErrors.tooManyAttempts": "Çok fazla deneme. Bir dakika bekleyip tekrar deneyin.",
  "authErrors.accountThrottled":
    "Bu hesap için çok fazla deneme yapıldı. {seconds} saniye sonra tekrar deneyin veya bir bağlantıyla giriş yapın.",
  "authErrors.accountLocked":
    "Bu hesap için çok fazla başarısız deneme yapıldı: şifreyle giriş duraklatıldı. Bir bağlantı veya kodla giriş yapın ya da şifrenizi sıfırlayın.",
  "authErrors.busy": "Şu anda çok sayıda kişi giriş yapıyor. Birkaç saniye sonra tekrar deneyin.",
  "authErrors.passkeyCancelled":
    "Geçiş anahtarı isteği iptal edildi veya zaman aşımına uğradı. Tekrar deneyin ya da başka bir yolla giriş yapın.",
  "authErrors.passkeyFailed": "Bu geçiş anahtarını doğrulayamadık. Tekrar deneyin ya da başka bir yolla giriş yapın.",
  "authErrors.networkError": "Oturum açma hizmetine ulaşılamadı. Bağlantınızı kontrol edip tekrar deneyin.",
};
