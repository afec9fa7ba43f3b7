/** auth-errors in ja; keys and placeholders as in ../auth-errors.ts. */
export const ja = {
  "authErrors.invalidCredentials": "メールアドレスまたはパスワードが正しくありません。",
  "authErrors.emailNotVerified": "ログインする前にメールアドレスを確認してください。お送りしたリンクを開いてください。",
  "authErrors.tooManyAttempts": "試行回数が多すぎます。1分ほど待ってからもう一度お試しください。",
  "authErrors.accountThrottled":
    "このアカウントへの試行回数が多すぎます。{seconds}秒後にもう一度試すか、リンクでログインしてください。",
  "authErrors.accountLocked":
    "このアカウントへの失敗した試行が多すぎるため、パスワードでのログインを一時停止しています。リンクかコードでログインするか、パスワードをリセットしてください。",
  "authErrors.busy": "現在ログインが混み合っています。数秒後にもう一度お試しください。",
  "authErrors.passkeyCancelled":
    "パスキーのリクエストがキャンセルされたか、タイムアウトしました。もう一度試すか、別の方法でログインしてください。",
  "authErrors.passkeyFailed": "このパスキーを確認できませんでした。もう一度試すか、別の方法でログインしてください。",
  "authErrors.networkError": "ログインサービスに接続できませんでした。接続を確認して、もう一度お試しください。",
};
