/** privacy in tr; keys and placeholders as in ../privacy.ts. */
export const tr = {
  "privacy.title": "Verileriniz",
  "privacy.intro":
    "Hakkınızda tuttuğumuz her şeyi bir JSON dosyası olarak indirin veya hesabınızı ve ona ait verileri silin.",
  "privacy.download": "Verilerimi indir",
  "privacy.delete": "Hesabımı sil",
  "privacy.deleteTitle": "Hesabınızı silin",
  "privacy.deleteWarning":
    "Bu işlem {email} hesabını giriş yöntemleri, geçiş anahtarları, oturumları ve kuruluş üyelikleriyle birlikte siler. Geri alınamaz.",
  "privacy.deletePassword": "Şifreniz",
  "privacy.deletePasswordHint": "Siz olduğunuzu doğrulamak için.",
  "privacy.deleteFresh": "Yakın zamanda giriş yaptınız, bu yüzden şifre gerekmiyor.",
  "privacy.deleteConfirm": "Hesabımın kalıcı olarak silineceğini anlıyorum",
  "privacy.deleteSubmit": "Hesabımı sil",
  "privacy.deleteCancel": "Hesabımı koru",
  "privacy.deleted": "Hesabınız silindi.",
  "privacy.deletedText": "Hesabınız ve ona ait veriler silindi. Bu sayfayı kapatabilirsiniz.",
  "privacy.error.confirm": "Onaylamak için kutuyu işaretleyin.",
  "privacy.error.password": "Bu şifre doğru değil.",
  "privacy.error.reauthenticate":
    "Güvenliğiniz için çıkış yapıp tekrar giriş yapın, ardından bir gün içinde hesabınızı silin.",
};
