/** username in tr; keys and placeholders as in ../username.ts. */
export const tr = {
  "username.label": "Kullanıcı adı",
  "username.hint": "{min} ile {max} karakter arası: yalnızca harf, rakam, _ ve .",
  "username.identifier": "E-posta veya kullanıcı adı",
  "username.error.required": "Bir kullanıcı adı seçin.",
  "username.error.invalid": "Yalnızca harf, rakam, alt çizgi (_) ve nokta (.) kullanın.",
  "username.error.taken": "Bu kullanıcı adı zaten alınmış. Başka bir ad seçin.",
  "username.error.invalidCredentials": "Kullanıcı adı, e-posta veya şifre hatalı.",
  "username.error.identifierRequired": "E-posta adresinizi veya kullanıcı adınızı girin.",
};
