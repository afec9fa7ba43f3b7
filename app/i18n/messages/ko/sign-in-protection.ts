/** sign-in-protection in ko; keys and placeholders as in ../sign-in-protection.ts. */
export const ko = {
  "signInProtection.otherWays": "다른 로그인 방법:",
  "signInProtection.resetPassword": "비밀번호 재설정",
  "signInProtection.checkEmail": "이메일을 확인하세요",
  "signInProtection.checkEmailText":
    "{email}(으)로 새 계정을 만들 수 있다면 계속하는 데 필요한 내용을 보냈습니다. 이메일 안내에 따라 계속하세요.",
  "emails.accountThrottled.subject": "{product} 계정 로그인 실패",
  "emails.accountThrottled.preview": "누군가 잘못된 비밀번호나 코드로 계정에 로그인하려고 했습니다.",
  "emails.accountThrottled.heading": "로그인 실패",
  "emails.accountThrottled.body":
    "잘못된 비밀번호나 코드로 {product} 계정({email})에 로그인하려는 시도가 {failures}번 실패했습니다. 이후 시도는 속도를 늦춥니다.",
  "emails.accountThrottled.notYou":
    "본인이 아니더라도 계정은 여전히 비밀번호로 보호됩니다. 안전을 위해 새 비밀번호를 설정하세요. 링크나 코드로 로그인하는 방법은 언제든 사용할 수 있습니다.",
  "emails.accountThrottled.button": "비밀번호 재설정",
  "emails.signUpAttempt.subject": "누군가 내 주소로 {product}에 가입하려고 했습니다",
  "emails.signUpAttempt.preview": "이미 계정이 있으므로 새 계정은 만들어지지 않았습니다.",
  "emails.signUpAttempt.heading": "이미 계정이 있습니다",
  "emails.signUpAttempt.body":
    "누군가 방금 {email}(으)로 {product} 계정을 만들려고 했습니다. 이미 계정이 있으므로 아무것도 변경되지 않았습니다.",
  "emails.signUpAttempt.notYou":
    "본인이라면 대신 로그인하세요. 비밀번호를 잊으셨다면 재설정하세요. 본인이 아니라면 이 이메일을 무시하셔도 됩니다.",
  "emails.signUpAttempt.button": "로그인",
};
