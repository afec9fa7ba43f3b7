/** sign-in-protection in zh-CN; keys and placeholders as in ../sign-in-protection.ts. */
export const zhCN = {
  "signInProtection.otherWays": "其他登录方式：",
  "signInProtection.resetPassword": "重置密码",
  "signInProtection.checkEmail": "请查看您的邮箱",
  "signInProtection.checkEmailText":
    "如果 {email} 可用于创建新账号，我们已向其发送后续所需的内容。请按照邮件继续操作。",
  "emails.accountThrottled.subject": "您的 {product} 账号有登录失败记录",
  "emails.accountThrottled.preview": "有人尝试使用错误的密码或验证码登录您的账号。",
  "emails.accountThrottled.heading": "登录失败",
  "emails.accountThrottled.body":
    "有人使用错误的密码或验证码尝试登录您的 {product} 账号（{email}），共失败 {failures} 次。我们现在会放慢后续尝试的速度。",
  "emails.accountThrottled.notYou":
    "如果这不是您本人，您的账号仍受密码保护。为安全起见，请设置新密码；使用链接或验证码登录始终可用。",
  "emails.accountThrottled.button": "重置密码",
  "emails.signUpAttempt.subject": "有人尝试使用您的地址注册 {product}",
  "emails.signUpAttempt.preview": "您已有账号，因此没有创建新账号。",
  "emails.signUpAttempt.heading": "您已有账号",
  "emails.signUpAttempt.body": "有人刚刚尝试使用 {email} 创建 {product} 账号。您已有账号，因此没有任何更改。",
  "emails.signUpAttempt.notYou": "如果是您本人，请直接登录。如果忘记了密码，请重置。如果不是您本人，可以忽略此邮件。",
  "emails.signUpAttempt.button": "登录",
};
