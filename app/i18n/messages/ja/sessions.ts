/** sessions in ja; keys and placeholders as in ../sessions.ts. */
export const ja = {
  "sessions.title": "このブラウザのアカウント",
  "sessions.subtitle": "ここでログインしているアカウントを、再ログインせずに切り替えられます。",
  "sessions.listLabel": "ログイン中のアカウント",
  "sessions.current": "現在",
  "sessions.switch": "切り替え",
  "sessions.switchTo": "{email} に切り替え",
  "sessions.signOut": "ログアウト",
  "sessions.signOutOf": "{email} からログアウト",
  "sessions.addAccount": "別のアカウントを追加",
  "sessions.limitReached": "1つのブラウザでログインできるアカウントは最大{maximum}個です。",
  "sessions.addingTitle": "別のアカウントを追加",
  "sessions.addingText": "現在のアカウントはログインしたままです。アカウントページで切り替えられます。",
  "sessions.backToAccount": "アカウントに戻る",
  "sessions.failed": "アカウントを切り替えられませんでした",
  "sessions.error.notSignedIn": "そのアカウントはこのブラウザでログインしていません。",
};
