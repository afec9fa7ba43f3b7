/** sessions in ko; keys and placeholders as in ../sessions.ts. */
export const ko = {
  "sessions.title": "이 브라우저의 계정",
  "sessions.subtitle": "다시 로그인하지 않고 여기에 로그인된 계정 간에 전환하세요.",
  "sessions.listLabel": "로그인된 계정",
  "sessions.current": "현재",
  "sessions.switch": "전환",
  "sessions.switchTo": "{email}(으)로 전환",
  "sessions.signOut": "로그아웃",
  "sessions.signOutOf": "{email}에서 로그아웃",
  "sessions.addAccount": "다른 계정 추가",
  "sessions.limitReached": "한 브라우저에서 최대 {maximum}개 계정에 로그인할 수 있습니다.",
  "sessions.addingTitle": "다른 계정 추가",
  "sessions.addingText": "현재 계정은 로그인 상태로 유지됩니다. 계정 페이지에서 계정 간에 전환하세요.",
  "sessions.backToAccount": "내 계정으로 돌아가기",
  "sessions.failed": "계정을 전환하지 못했습니다",
  "sessions.error.notSignedIn": "해당 계정은 더 이상 이 브라우저에 로그인되어 있지 않습니다.",
};
