/** common in ko; keys and placeholders as in ../common.ts. */
export const ko = {
  "common.email": "이메일",
  "common.password": "비밀번호",
  "common.continue": "계속",
  "common.cancel": "취소",
  "common.or": "또는",
  "common.poweredBy": "{name} 제공",
};
