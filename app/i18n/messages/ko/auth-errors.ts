/** auth-errors in ko; keys and placeholders as in ../auth-errors.ts. */
export const ko = {
  "authErrors.invalidCredentials": "이메일 또는 비밀번호가 올바르지 않습니다.",
  "authErrors.emailNotVerified": "로그인하기 전에 이메일 주소를 인증하세요. 보내 드린 링크를 여세요.",
  "authErrors.tooManyAttempts": "시도 횟수가 너무 많습니다. 1분 정도 기다린 후 다시 시도하세요.",
  "authErrors.accountThrottled":
    "이 계정에 대한 시도가 너무 많습니다. {seconds}초 후에 다시 시도하거나 링크로 로그인하세요.",
  "authErrors.accountLocked":
    "이 계정에 대한 실패한 시도가 너무 많아 비밀번호 로그인이 일시 중지되었습니다. 링크나 코드로 로그인하거나 비밀번호를 재설정하세요.",
  "authErrors.busy": "지금 로그인하는 사람이 많습니다. 몇 초 후에 다시 시도하세요.",
  "authErrors.passkeyCancelled":
    "패스키 요청이 취소되었거나 시간이 초과되었습니다. 다시 시도하거나 다른 방법으로 로그인하세요.",
  "authErrors.passkeyFailed": "이 패스키를 확인하지 못했습니다. 다시 시도하거나 다른 방법으로 로그인하세요.",
  "authErrors.networkError": "로그인 서비스에 연결할 수 없습니다. 연결을 확인한 후 다시 시도하세요.",
};
