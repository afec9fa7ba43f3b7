/** social in zh-CN; keys and placeholders as in ../social.ts. */
export const zhCN = {
  "social.continueWith": "使用 {provider} 继续",
  "social.or": "或",
  "social.error.title": "无法为您登录",
  "social.error.state":
    "我们无法确认此次登录是从这里发起的。当登录耗时超过十分钟、在其他浏览器中完成或链接被修改时，就会出现这种情况。",
  "social.error.stateNext": "请从登录页面重新开始。",
  "social.error.denied": "登录已在服务提供方处取消，或被服务提供方拒绝。",
  "social.error.deniedNext": "请重试，或选择其他登录方式。",
  "social.error.notLinked":
    "此处已有使用该电子邮箱的账号，但我们无法确认它属于您：服务提供方或此账号尚未验证该电子邮箱。",
  "social.error.notLinkedNext": "请按平常的方式登录。电子邮箱验证后，通过服务提供方登录将关联到您的账号。",
  "social.error.noEmail": "服务提供方未向我们提供已验证的电子邮箱。",
  "social.error.noEmailNext": "请在服务提供方处允许访问您的电子邮箱，或选择其他登录方式。",
  "social.error.signUpClosed": "该电子邮箱没有对应的账号，且此处无法创建新账号。",
  "social.error.signUpClosedNext": "请使用现有账号登录，或向管理员申请邀请。",
  "social.error.unavailable": "此登录方式目前不可用。",
  "social.error.unavailableNext": "请选择其他登录方式，或稍后重试。",
  "social.error.other": "通过服务提供方登录时出现问题。",
  "social.error.otherNext": "请稍后重试，或选择其他登录方式。",
  "social.error.code": "错误代码：{code}",
  "social.error.back": "返回登录",
};
