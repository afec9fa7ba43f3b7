/** oauth in zh-CN; keys and placeholders as in ../oauth.ts. */
export const zhCN = {
  "oauth.consent.pageTitle": "允许访问",
  "oauth.consent.title": "允许 {client} 使用您的 {tenant} 账号吗？",
  "oauth.consent.signedInAs": "已以 {email} 的身份登录",
  "oauth.consent.wants": "{client} 请求：",
  "oauth.consent.redirect": "回复后您将返回 {host}。",
  "oauth.consent.allow": "允许",
  "oauth.consent.deny": "拒绝",
  "oauth.consent.terms": "服务条款",
  "oauth.consent.privacy": "隐私政策",
  "oauth.scope.openid": "确认您的身份",
  "oauth.scope.profile": "查看您的姓名和头像",
  "oauth.scope.email": "查看您的电子邮箱",
  "oauth.scope.offline_access": "在您不使用时保持连接",
  "oauth.scope.organizations": "查看您所在的组织及您在其中的角色",
  "oauth.scope.other": "使用权限“{scope}”",
};
