/** email-methods in ko; keys and placeholders as in ../email-methods.ts. */
export const ko = {
  "emailMethods.signIn.magicLink": "로그인 링크를 이메일로 받기",
  "emailMethods.signIn.emailCode": "코드를 이메일로 받기",
  "emailMethods.signIn.resendVerification": "새 인증 링크 보내기",
  "emailMethods.verify.title": "이메일 인증",
  "emailMethods.verify.verifiedTitle": "이메일 주소가 인증되었습니다",
  "emailMethods.verify.verifiedBody": "감사합니다. 계정이 준비되었습니다.",
  "emailMethods.verify.continue": "계속",
  "emailMethods.verify.alreadyTitle": "이미 사용된 링크입니다",
  "emailMethods.verify.alreadyBody": "이메일 주소가 이미 인증되었습니다. 계속하려면 로그인하세요.",
  "emailMethods.verify.expiredTitle": "만료된 링크입니다",
  "emailMethods.verify.expiredBody":
    "인증 링크는 24시간 동안 유효합니다. 이메일 주소를 입력하시면 새 링크를 보내 드립니다.",
  "emailMethods.verify.invalidTitle": "작동하지 않는 링크입니다",
  "emailMethods.verify.invalidBody":
    "링크가 완전하지 않거나 변경되었습니다. 이메일 주소를 입력하시면 새 링크를 보내 드립니다.",
  "emailMethods.verify.pendingTitle": "받은편지함을 확인하세요",
  "emailMethods.verify.pendingBody":
    "이메일 주소로 인증 링크를 보냈습니다. 링크를 열어 계정 설정을 완료하세요. 받지 못하셨나요? 새 링크를 보내세요.",
  "emailMethods.verify.sentBody":
    "{email}에 아직 인증이 필요한 계정이 있다면 새 링크를 보냈습니다. 링크는 24시간 동안 유효합니다.",
  "emailMethods.verify.resend": "새 링크 보내기",
  "emailMethods.verify.signIn": "로그인",
  "emailMethods.account.verified": "인증됨",
  "emailMethods.account.unverified": "아직 인증되지 않음",
  "emailMethods.account.resend": "인증 이메일 보내기",
  "emailMethods.account.sent": "{email}(으)로 인증 링크를 보냈습니다.",
  "emailMethods.magicLink.title": "링크로 로그인",
  "emailMethods.magicLink.subtitle": "이메일 주소를 입력하시면 로그인할 수 있는 링크를 보내 드립니다.",
  "emailMethods.magicLink.submit": "링크를 이메일로 받기",
  "emailMethods.magicLink.sentTitle": "받은편지함을 확인하세요",
  "emailMethods.magicLink.sentBody":
    "{email}(으)로 로그인 링크를 보냈습니다. 링크는 한 번만 사용할 수 있으며 {minutes}분 후에 만료됩니다. 이 페이지는 닫으셔도 됩니다.",
  "emailMethods.magicLink.failedTitle": "이 로그인 링크는 더 이상 작동하지 않습니다",
  "emailMethods.magicLink.failedBody":
    "로그인 링크는 한 번만 사용할 수 있으며 몇 분 후에 만료됩니다. 새 링크를 받으려면 이메일 주소를 입력하세요.",
  "emailMethods.magicLink.signUpClosed": "이 이메일 주소로 된 계정이 없으며 여기에서는 새 계정을 만들 수 없습니다.",
  "emailMethods.backToSignIn": "로그인으로 돌아가기",
  "emailMethods.useAnotherEmail": "다른 이메일 주소 사용",
  "emailMethods.code.title": "코드로 로그인",
  "emailMethods.code.subtitle": "이메일 주소를 입력하시면 일회용 코드를 보내 드립니다.",
  "emailMethods.code.submitEmail": "코드를 이메일로 받기",
  "emailMethods.code.enterTitle": "코드 입력",
  "emailMethods.code.enterBody":
    "{email}(으)로 여기에 로그인할 수 있다면 {length}자리 코드를 보냈습니다. {minutes}분 후에 만료됩니다.",
  "emailMethods.code.label": "일회용 코드",
  "emailMethods.code.submitCode": "로그인",
  "emailMethods.code.wrong": "코드가 올바르지 않습니다. {remaining}번 남았습니다.",
  "emailMethods.code.wrongLast": "코드가 올바르지 않습니다. 1번 남았습니다.",
  "emailMethods.code.tooMany":
    "잘못된 코드를 너무 많이 입력했습니다. 이 코드는 더 이상 사용할 수 없으니 새 코드를 요청하세요.",
  "emailMethods.code.expired": "코드가 만료되었습니다. 새 코드를 요청하세요.",
  "emailMethods.code.format": "이메일로 받은 {length}자리 코드를 입력하세요.",
  "emailMethods.code.startOver": "새 코드 받기",
};
