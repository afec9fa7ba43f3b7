/** social in ja; keys and placeholders as in ../social.ts. */
export const ja = {
  "social.continueWith": "{provider} で続行",
  "social.or": "または",
  "social.error.title": "ログインできませんでした",
  "social.error.state":
    "このログインがここで開始されたことを確認できませんでした。10分以上かかった場合、別のブラウザで完了した場合、またはリンクが変更された場合に発生します。",
  "social.error.stateNext": "ログインページからやり直してください。",
  "social.error.denied": "ログインがプロバイダー側でキャンセルされたか、プロバイダーに拒否されました。",
  "social.error.deniedNext": "もう一度試すか、別のログイン方法を選んでください。",
  "social.error.notLinked":
    "このメールアドレスのアカウントはすでに存在しますが、あなたのものであることを確認できませんでした。プロバイダーまたはこのアカウントで、メールアドレスが確認されていません。",
  "social.error.notLinkedNext":
    "いつもの方法でログインしてください。メールアドレスが確認されると、プロバイダーでのログインがアカウントに連携されます。",
  "social.error.noEmail": "プロバイダーから確認済みのメールアドレスが共有されませんでした。",
  "social.error.noEmailNext":
    "プロバイダーでメールアドレスへのアクセスを許可するか、別のログイン方法を選んでください。",
  "social.error.signUpClosed": "このメールアドレスのアカウントはなく、ここでは新しいアカウントを作成できません。",
  "social.error.signUpClosedNext": "既存のアカウントでログインするか、管理者に招待を依頼してください。",
  "social.error.unavailable": "このログイン方法は現在ご利用いただけません。",
  "social.error.unavailableNext": "別のログイン方法を選ぶか、後でもう一度お試しください。",
  "social.error.other": "プロバイダーでのログイン中に問題が発生しました。",
  "social.error.otherNext": "しばらくしてからもう一度試すか、別のログイン方法を選んでください。",
  "social.error.code": "エラーコード: {code}",
  "social.error.back": "ログインに戻る",
};
