/** username in zh-CN; keys and placeholders as in ../username.ts. */
export const zhCN = {
  "username.label": "用户名",
  "username.hint": "{min} 到 {max} 个字符：仅限字母、数字、_ 和 .",
  "username.identifier": "电子邮箱或用户名",
  "username.error.required": "请选择一个用户名。",
  "username.error.invalid": "只能使用字母、数字、下划线（_）和点（.）。",
  "username.error.taken": "该用户名已被占用。请换一个。",
  "username.error.invalidCredentials": "用户名、电子邮箱或密码不正确。",
  "username.error.identifierRequired": "请输入您的电子邮箱或用户名。",
};
