/** widgets in zh-CN; keys and placeholders as in ../widgets.ts. */
export const zhCN = {
  "embed.title": "{name} 的登录组件",
  "embed.intro":
    "只需两行 HTML，即可在您自己的任意页面中添加登录：加载模块，然后放置组件。组件会沿用此租户的主题和语言。",
  "embed.live": "实时",
  "embed.snippet": "复制并粘贴",
  "embed.login.title": "登录表单",
  "embed.login.text": "此租户已开启的所有登录方式、注册和密码重置。",
  "embed.button.title": "用户按钮",
  "embed.button.text": "登录后显示带菜单的头像；未登录时显示一个按钮，点击后在对话框中打开登录表单。",
  "embed.profile.title": "个人资料",
  "embed.profile.text": "已登录用户的姓名、电子邮箱、密码、通行密钥、双重身份验证状态和会话。",
  "embed.api.title": "在您的代码中",
  "embed.api.text": "将短期有效的 JWT 发送到您的后端，后端使用此租户的密钥进行验证：",
  "embed.origins":
    "将您网站的源添加到租户的受信任源（设置）中：这也会开启默认的令牌模式所需的 Bearer 令牌。此页面是 Portico 自己的网站，因此以 Cookie 模式展示组件。",
  "embed.docs": "所有属性、事件、部件和 CSS 变量：docs/widgets.md。",
};
