/** oauth in ja; keys and placeholders as in ../oauth.ts. */
export const ja = {
  "oauth.consent.pageTitle": "アクセスの許可",
  "oauth.consent.title": "{client} に {tenant} アカウントの使用を許可しますか？",
  "oauth.consent.signedInAs": "{email} としてログイン中",
  "oauth.consent.wants": "{client} が次の許可を求めています:",
  "oauth.consent.redirect": "回答後、{host} に戻ります。",
  "oauth.consent.allow": "許可",
  "oauth.consent.deny": "拒否",
  "oauth.consent.terms": "利用規約",
  "oauth.consent.privacy": "プライバシーポリシー",
  "oauth.scope.openid": "本人であることの確認",
  "oauth.scope.profile": "名前とプロフィール写真の表示",
  "oauth.scope.email": "メールアドレスの表示",
  "oauth.scope.offline_access": "使用していないときも接続を維持",
  "oauth.scope.organizations": "所属する組織とそのロールの表示",
  "oauth.scope.other": "権限「{scope}」の使用",
};
