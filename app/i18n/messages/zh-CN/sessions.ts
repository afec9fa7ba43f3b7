/** sessions in zh-CN; keys and placeholders as in ../sessions.ts. */
export const zhCN = {
  "sessions.title": "此浏览器上的账号",
  "sessions.subtitle": "在此处已登录的账号之间切换，无需重新登录。",
  "sessions.listLabel": "已登录的账号",
  "sessions.current": "当前",
  "sessions.switch": "切换",
  "sessions.switchTo": "切换到 {email}",
  "sessions.signOut": "退出登录",
  "sessions.signOutOf": "退出 {email}",
  "sessions.addAccount": "添加其他账号",
  "sessions.limitReached": "一个浏览器最多可同时登录 {maximum} 个账号。",
  "sessions.addingTitle": "添加其他账号",
  "sessions.addingText": "您当前的账号将保持登录；可在账号页面中切换账号。",
  "sessions.backToAccount": "返回您的账号",
  "sessions.failed": "无法切换账号",
  "sessions.error.notSignedIn": "该账号已不再在此浏览器上登录。",
};
