/** sso in ko; keys and placeholders as in ../sso.ts. */
export const ko = {
  "sso.link": "SSO(통합 인증)로 로그인",
  "sso.title": "통합 인증으로 로그인",
  "sso.subtitle": "회사 이메일 주소를 입력하세요. 조직의 로그인 페이지로 안내해 드립니다.",
  "sso.email": "회사 이메일",
  "sso.submit": "계속",
  "sso.invalidEmail": "alice@example.com 같은 이메일 주소를 입력하세요.",
  "sso.noConnection": "이 이메일 주소의 도메인으로 통합 인증을 사용하는 조직이 없습니다. 다른 방법으로 로그인하세요.",
  "sso.unavailable": "지금은 조직의 로그인 페이지에 연결할 수 없습니다. 잠시 후 다시 시도하세요.",
};
