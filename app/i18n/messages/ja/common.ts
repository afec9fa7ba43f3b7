/** common in ja; keys and placeholders as in ../common.ts. */
export const ja = {
  "common.email": "メールアドレス",
  "common.password": "パスワード",
  "common.continue": "続行",
  "common.cancel": "キャンセル",
  "common.or": "または",
  "common.poweredBy": "Powered by {name}",
};
