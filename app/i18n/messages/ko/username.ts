/** username in ko; keys and placeholders as in ../username.ts. */
export const ko = {
  "username.label": "사용자 이름",
  "username.hint": "{min}~{max}자: 영문자, 숫자, _ 및 .만 사용 가능.",
  "username.identifier": "이메일 또는 사용자 이름",
  "username.error.required": "사용자 이름을 선택하세요.",
  "username.error.invalid": "영문자, 숫자, 밑줄(_), 마침표(.)만 사용하세요.",
  "username.error.taken": "이 사용자 이름은 이미 사용 중입니다. 다른 이름을 선택하세요.",
  "username.error.invalidCredentials": "사용자 이름, 이메일 또는 비밀번호가 올바르지 않습니다.",
  "username.error.identifierRequired": "이메일 주소 또는 사용자 이름을 입력하세요.",
};
