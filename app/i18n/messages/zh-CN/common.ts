/** common in zh-CN; keys and placeholders as in ../common.ts. */
export const zhCN = {
  "common.email": "电子邮箱",
  "common.password": "密码",
  "common.continue": "继续",
  "common.cancel": "取消",
  "common.or": "或",
  "common.poweredBy": "由 {name} 提供技术支持",
};
