/** oauth in ko; keys and placeholders as in ../oauth.ts. */
export const ko = {
  "oauth.consent.pageTitle": "접근 허용",
  "oauth.consent.title": "{client}이(가) {tenant} 계정을 사용하도록 허용하시겠습니까?",
  "oauth.consent.signedInAs": "{email}(으)로 로그인됨",
  "oauth.consent.wants": "{client}이(가) 다음을 요청합니다:",
  "oauth.consent.redirect": "응답하면 {host}(으)로 돌아갑니다.",
  "oauth.consent.allow": "허용",
  "oauth.consent.deny": "거부",
  "oauth.consent.terms": "서비스 약관",
  "oauth.consent.privacy": "개인정보 처리방침",
  "oauth.scope.openid": "본인 확인",
  "oauth.scope.profile": "이름과 프로필 사진 보기",
  "oauth.scope.email": "이메일 주소 보기",
  "oauth.scope.offline_access": "사용하지 않을 때도 연결 유지",
  "oauth.scope.organizations": "내 조직과 조직 내 역할 보기",
  "oauth.scope.other": "“{scope}” 권한 사용",
};
