/** widgets in ja; keys and placeholders as in ../widgets.ts. */
export const ja = {
  "embed.title": "{name} のログインウィジェット",
  "embed.intro":
    "HTML 2行で、ご自身のどのページにもログインを追加できます。モジュールを読み込み、ウィジェットを配置するだけです。ウィジェットはこのテナントのテーマと言語に従います。",
  "embed.live": "ライブ",
  "embed.snippet": "コピーして貼り付け",
  "embed.login.title": "ログインフォーム",
  "embed.login.text": "このテナントで有効なすべてのログイン方法、新規登録、パスワードリセット。",
  "embed.button.title": "ユーザーボタン",
  "embed.button.text": "ログイン中はメニュー付きのアバター、未ログイン時はダイアログでログインフォームを開くボタン。",
  "embed.profile.title": "プロフィール",
  "embed.profile.text":
    "ログイン中のユーザーの名前、メールアドレス、パスワード、パスキー、2段階認証の状態、セッション。",
  "embed.api.title": "コードから",
  "embed.api.text": "有効期間の短い JWT をバックエンドに送信し、このテナントの鍵で検証します:",
  "embed.origins":
    "サイトのオリジンをテナントの信頼済みオリジン（設定）に追加してください。これにより、デフォルトのトークンモードに必要な Bearer トークンも有効になります。このページは Portico 自身のサイトなので、ウィジェットを Cookie モードで表示しています。",
  "embed.docs": "すべての属性、イベント、パーツ、CSS 変数: docs/widgets.md。",
};
