/** sso in zh-CN; keys and placeholders as in ../sso.ts. */
export const zhCN = {
  "sso.link": "使用单点登录（SSO）登录",
  "sso.title": "使用单点登录登录",
  "sso.subtitle": "请输入你的工作邮箱。我们会带你前往你所在组织的登录页面。",
  "sso.email": "工作邮箱",
  "sso.submit": "继续",
  "sso.invalidEmail": "请输入邮箱地址，例如 alice@example.com。",
  "sso.noConnection": "没有组织为此邮箱的域名启用单点登录。请使用其他方式登录。",
  "sso.unavailable": "暂时无法访问你所在组织的登录页面。请稍后再试。",
};
