/** social in ko; keys and placeholders as in ../social.ts. */
export const ko = {
  "social.continueWith": "{provider}(으)로 계속",
  "social.or": "또는",
  "social.error.title": "로그인하지 못했습니다",
  "social.error.state":
    "이 로그인이 여기에서 시작되었는지 확인할 수 없습니다. 10분 넘게 걸렸거나, 다른 브라우저에서 완료되었거나, 링크가 변경된 경우에 발생합니다.",
  "social.error.stateNext": "로그인 페이지에서 다시 시작하세요.",
  "social.error.denied": "제공업체에서 로그인이 취소되었거나 제공업체가 로그인을 거부했습니다.",
  "social.error.deniedNext": "다시 시도하거나 다른 로그인 방법을 선택하세요.",
  "social.error.notLinked":
    "이 이메일 주소로 된 계정이 이미 있지만 본인의 계정인지 확인할 수 없습니다. 제공업체 또는 이 계정에서 이메일 주소가 인증되지 않았습니다.",
  "social.error.notLinkedNext": "평소처럼 로그인하세요. 이메일 주소가 인증되면 제공업체 로그인이 계정에 연결됩니다.",
  "social.error.noEmail": "제공업체가 인증된 이메일 주소를 공유하지 않았습니다.",
  "social.error.noEmailNext": "제공업체에서 이메일 주소 접근을 허용하거나 다른 로그인 방법을 선택하세요.",
  "social.error.signUpClosed": "이 이메일 주소로 된 계정이 없으며 여기에서는 새 계정을 만들 수 없습니다.",
  "social.error.signUpClosedNext": "기존 계정으로 로그인하거나 관리자에게 초대를 요청하세요.",
  "social.error.unavailable": "이 로그인 방법은 지금 사용할 수 없습니다.",
  "social.error.unavailableNext": "다른 로그인 방법을 선택하거나 나중에 다시 시도하세요.",
  "social.error.other": "제공업체로 로그인하는 중에 문제가 발생했습니다.",
  "social.error.otherNext": "잠시 후 다시 시도하거나 다른 로그인 방법을 선택하세요.",
  "social.error.code": "오류 코드: {code}",
  "social.error.back": "로그인으로 돌아가기",
};
