/** widgets in tr; keys and placeholders as in ../widgets.ts. */
export const tr = {
  "embed.title": "{name} için giriş bileşenleri",
  "embed.intro":
    "İki satır HTML ile sahip olduğunuz herhangi bir sayfaya giriş ekleyin: modülü yükleyin, ardından bir bileşen yerleştirin. Bileşenler bu kiracının temasını ve dilini izler.",
  "embed.live": "Canlı",
  "embed.snippet": "Kopyala ve yapıştır",
  "embed.login.title": "Giriş formu",
  "embed.login.text": "Bu kiracının açık olan tüm giriş yöntemleri, kayıt ve şifre sıfırlama.",
  "embed.button.title": "Kullanıcı düğmesi",
  "embed.button.text": "Oturum açıkken menülü bir avatar; değilse giriş formunu iletişim kutusunda açan bir düğme.",
  "embed.profile.title": "Profil",
  "embed.profile.text":
    "Oturum açmış kullanıcının adı, e-postası, şifresi, geçiş anahtarları, iki adımlı doğrulama durumu ve oturumları.",
  "embed.api.title": "Kodunuzdan",
  "embed.api.text": "Kısa ömürlü JWT’yi arka ucunuza gönderin; arka uç onu bu kiracının anahtarlarıyla doğrular:",
  "embed.origins":
    "Sitenizin kaynağını kiracının güvenilen kaynaklarına ekleyin (Ayarlar): bu, varsayılan belirteç modunun ihtiyaç duyduğu Bearer belirteçlerini de açar. Bu sayfa Portico’nun kendi sitesi olduğu için bileşenleri çerez modunda gösterir.",
  "embed.docs": "Tüm öznitelikler, olaylar, parçalar ve CSS değişkenleri: docs/widgets.md.",
};
