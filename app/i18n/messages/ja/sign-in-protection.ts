/** sign-in-protection in ja; keys and placeholders as in ../sign-in-protection.ts. */
export const ja = {
  "signInProtection.otherWays": "その他のログイン方法:",
  "signInProtection.resetPassword": "パスワードをリセット",
  "signInProtection.checkEmail": "メールを確認してください",
  "signInProtection.checkEmailText":
    "{email} で新しいアカウントを作成できる場合、続行に必要な情報を送信しました。メールの案内に従って続行してください。",
  "emails.accountThrottled.subject": "{product} アカウントへのログイン失敗",
  "emails.accountThrottled.preview":
    "誰かが誤ったパスワードまたはコードであなたのアカウントにログインしようとしました。",
  "emails.accountThrottled.heading": "ログインの失敗",
  "emails.accountThrottled.body":
    "誤ったパスワードまたはコードによる {product} アカウント（{email}）へのログイン失敗が{failures}回ありました。以降の試行は速度を制限します。",
  "emails.accountThrottled.notYou":
    "ご自身でない場合も、アカウントは引き続きパスワードで保護されています。念のため新しいパスワードを設定してください。リンクやコードでのログインはいつでも利用できます。",
  "emails.accountThrottled.button": "パスワードをリセット",
  "emails.signUpAttempt.subject": "誰かがあなたのアドレスで {product} に登録しようとしました",
  "emails.signUpAttempt.preview": "すでにアカウントをお持ちのため、新しいアカウントは作成されていません。",
  "emails.signUpAttempt.heading": "すでにアカウントをお持ちです",
  "emails.signUpAttempt.body":
    "誰かが {email} で {product} アカウントを作成しようとしました。すでにアカウントをお持ちのため、何も変更されていません。",
  "emails.signUpAttempt.notYou":
    "ご自身の場合は、ログインしてください。パスワードをお忘れの場合は、リセットしてください。ご自身でない場合は、このメールを無視してかまいません。",
  "emails.signUpAttempt.button": "ログイン",
};
