/** auth-errors in zh-CN; keys and placeholders as in ../auth-errors.ts. */
export const zhCN = {
  "authErrors.invalidCredentials": "电子邮箱或密码不正确。",
  "authErrors.emailNotVerified": "登录前请先验证您的电子邮箱：打开我们发送给您的链接。",
  "authErrors.tooManyAttempts": "尝试次数过多。请稍等一分钟后重试。",
  "authErrors.accountThrottled": "此账号的尝试次数过多。请在 {seconds} 秒后重试，或使用链接登录。",
  "authErrors.accountLocked": "此账号的失败尝试次数过多：密码登录已暂停。请使用链接或验证码登录，或重置密码。",
  "authErrors.busy": "当前登录人数较多。请几秒钟后重试。",
  "authErrors.passkeyCancelled": "通行密钥请求已取消或超时。请重试，或使用其他方式登录。",
  "authErrors.passkeyFailed": "无法验证此通行密钥。请重试，或使用其他方式登录。",
  "authErrors.networkError": "无法连接到登录服务。请检查网络连接后重试。",
};
