/** widgets in ko; keys and placeholders as in ../widgets.ts. */
export const ko = {
  "embed.title": "{name}의 로그인 위젯",
  "embed.intro":
    "HTML 두 줄로 내 페이지 어디에나 로그인을 추가하세요. 모듈을 불러온 다음 위젯을 배치하면 됩니다. 위젯은 이 테넌트의 테마와 언어를 따릅니다.",
  "embed.live": "실시간",
  "embed.snippet": "복사해서 붙여넣기",
  "embed.login.title": "로그인 양식",
  "embed.login.text": "이 테넌트에서 켜 둔 모든 로그인 방법, 가입, 비밀번호 재설정.",
  "embed.button.title": "사용자 버튼",
  "embed.button.text": "로그인한 경우 메뉴가 있는 아바타, 로그인하지 않은 경우 대화 상자에서 로그인 양식을 여는 버튼.",
  "embed.profile.title": "프로필",
  "embed.profile.text": "로그인한 사용자의 이름, 이메일, 비밀번호, 패스키, 2단계 인증 상태, 세션.",
  "embed.api.title": "내 코드에서",
  "embed.api.text": "수명이 짧은 JWT를 백엔드로 보내면 백엔드가 이 테넌트의 키로 검증합니다:",
  "embed.origins":
    "사이트의 출처를 테넌트의 신뢰할 수 있는 출처(설정)에 추가하세요. 그러면 기본값인 토큰 모드에 필요한 Bearer 토큰도 켜집니다. 이 페이지는 Portico 자체 사이트이므로 위젯을 쿠키 모드로 보여 줍니다.",
  "embed.docs": "모든 속성, 이벤트, 파트, CSS 변수: docs/widgets.md.",
};
