/** sso in ja; keys and placeholders as in ../sso.ts. */
export const ja = {
  "sso.link": "シングルサインオン（SSO）でサインイン",
  "sso.title": "シングルサインオンでサインイン",
  "sso.subtitle": "勤務先のメールアドレスを入力してください。組織のサインインページへご案内します。",
  "sso.email": "勤務先のメールアドレス",
  "sso.submit": "続ける",
  "sso.invalidEmail": "alice@example.com のようなメールアドレスを入力してください。",
  "sso.noConnection":
    "このメールアドレスのドメインでシングルサインオンを使う組織はありません。別の方法でサインインしてください。",
  "sso.unavailable": "組織のサインインページに現在アクセスできません。しばらくしてからもう一度お試しください。",
};
