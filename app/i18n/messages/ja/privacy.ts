/** privacy in ja; keys and placeholders as in ../privacy.ts. */
export const ja = {
  "privacy.title": "あなたのデータ",
  "privacy.intro":
    "保有しているあなたに関するすべての情報を JSON ファイルでダウンロードするか、アカウントとそれに属するデータを削除できます。",
  "privacy.download": "データをダウンロード",
  "privacy.delete": "アカウントを削除",
  "privacy.deleteTitle": "アカウントの削除",
  "privacy.deleteWarning":
    "{email} を、そのログイン方法、パスキー、セッション、組織のメンバーシップとともに削除します。この操作は元に戻せません。",
  "privacy.deletePassword": "パスワード",
  "privacy.deletePasswordHint": "本人確認のため。",
  "privacy.deleteFresh": "最近ログインしたため、パスワードは不要です。",
  "privacy.deleteConfirm": "アカウントが完全に削除されることを理解しました",
  "privacy.deleteSubmit": "アカウントを削除",
  "privacy.deleteCancel": "アカウントを残す",
  "privacy.deleted": "アカウントを削除しました。",
  "privacy.deletedText": "アカウントとそれに属するデータは削除されました。このページは閉じてかまいません。",
  "privacy.error.confirm": "確認のため、チェックボックスをオンにしてください。",
  "privacy.error.password": "パスワードが正しくありません。",
  "privacy.error.reauthenticate":
    "セキュリティのため、ログアウトしてもう一度ログインし、1日以内にアカウントを削除してください。",
};
