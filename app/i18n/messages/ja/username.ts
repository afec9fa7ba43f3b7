/** username in ja; keys and placeholders as in ../username.ts. */
export const ja = {
  "username.label": "ユーザー名",
  "username.hint": "{min}〜{max}文字: 英字、数字、_ と . のみ。",
  "username.identifier": "メールアドレスまたはユーザー名",
  "username.error.required": "ユーザー名を選んでください。",
  "username.error.invalid": "英字、数字、アンダースコア（_）、ドット（.）のみ使用できます。",
  "username.error.taken": "このユーザー名はすでに使用されています。別の名前を選んでください。",
  "username.error.invalidCredentials": "ユーザー名、メールアドレス、またはパスワードが正しくありません。",
  "username.error.identifierRequired": "メールアドレスまたはユーザー名を入力してください。",
};
