/** email-methods in ja; keys and placeholders as in ../email-methods.ts. */
export const ja = {
  "emailMethods.signIn.magicLink": "ログインリンクをメールで受け取る",
  "emailMethods.signIn.emailCode": "コードをメールで受け取る",
  "emailMethods.signIn.resendVerification": "新しい確認リンクを送信",
  "emailMethods.verify.title": "メールアドレスの確認",
  "emailMethods.verify.verifiedTitle": "メールアドレスが確認されました",
  "emailMethods.verify.verifiedBody": "ありがとうございます。アカウントの準備ができました。",
  "emailMethods.verify.continue": "続行",
  "emailMethods.verify.alreadyTitle": "このリンクはすでに使用されています",
  "emailMethods.verify.alreadyBody": "メールアドレスはすでに確認済みです。続行するにはログインしてください。",
  "emailMethods.verify.expiredTitle": "このリンクは期限切れです",
  "emailMethods.verify.expiredBody":
    "確認リンクの有効期限は24時間です。メールアドレスを入力すると、新しいリンクをお送りします。",
  "emailMethods.verify.invalidTitle": "このリンクは使用できません",
  "emailMethods.verify.invalidBody":
    "リンクが不完全か、変更されています。メールアドレスを入力すると、新しいリンクをお送りします。",
  "emailMethods.verify.pendingTitle": "受信トレイを確認してください",
  "emailMethods.verify.pendingBody":
    "メールアドレスに確認リンクを送信しました。リンクを開いて、アカウントの設定を完了してください。届いていない場合は、新しいリンクを送信してください。",
  "emailMethods.verify.sentBody":
    "{email} に確認待ちのアカウントがある場合、新しいリンクを送信しました。有効期限は24時間です。",
  "emailMethods.verify.resend": "新しいリンクを送信",
  "emailMethods.verify.signIn": "ログイン",
  "emailMethods.account.verified": "確認済み",
  "emailMethods.account.unverified": "未確認",
  "emailMethods.account.resend": "確認メールを送信",
  "emailMethods.account.sent": "{email} に確認リンクを送信しました。",
  "emailMethods.magicLink.title": "リンクでログイン",
  "emailMethods.magicLink.subtitle": "メールアドレスを入力すると、ログイン用のリンクをお送りします。",
  "emailMethods.magicLink.submit": "リンクをメールで受け取る",
  "emailMethods.magicLink.sentTitle": "受信トレイを確認してください",
  "emailMethods.magicLink.sentBody":
    "{email} にログインリンクを送信しました。リンクは1回のみ有効で、有効期限は{minutes}分です。このページは閉じてかまいません。",
  "emailMethods.magicLink.failedTitle": "このログインリンクは使用できなくなりました",
  "emailMethods.magicLink.failedBody":
    "ログインリンクは1回のみ有効で、数分で期限切れになります。新しいリンクを受け取るには、メールアドレスを入力してください。",
  "emailMethods.magicLink.signUpClosed":
    "このメールアドレスのアカウントはなく、ここでは新しいアカウントを作成できません。",
  "emailMethods.backToSignIn": "ログインに戻る",
  "emailMethods.useAnotherEmail": "別のメールアドレスを使う",
  "emailMethods.code.title": "コードでログイン",
  "emailMethods.code.subtitle": "メールアドレスを入力すると、ワンタイムコードをお送りします。",
  "emailMethods.code.submitEmail": "コードをメールで受け取る",
  "emailMethods.code.enterTitle": "コードを入力",
  "emailMethods.code.enterBody":
    "{email} がここでログインできる場合、{length}桁のコードを送信しました。有効期限は{minutes}分です。",
  "emailMethods.code.label": "ワンタイムコード",
  "emailMethods.code.submitCode": "ログイン",
  "emailMethods.code.wrong": "コードが正しくありません。残り{remaining}回です。",
  "emailMethods.code.wrongLast": "コードが正しくありません。残り1回です。",
  "emailMethods.code.tooMany":
    "誤ったコードが多すぎます。このコードは使用できなくなりました。新しいコードをリクエストしてください。",
  "emailMethods.code.expired": "このコードは期限切れです。新しいコードをリクエストしてください。",
  "emailMethods.code.format": "メールに記載された{length}桁のコードを入力してください。",
  "emailMethods.code.startOver": "新しいコードを受け取る",
};
