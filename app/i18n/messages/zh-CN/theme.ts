/** theme in zh-CN; keys and placeholders as in ../theme.ts. */
export const zhCN = {
  "theme.legalLinks": "法律信息与支持",
  "theme.terms": "条款",
  "theme.privacy": "隐私",
  "theme.support": "支持",
  "theme.logoAlt": "{name} 徽标",
  "theme.language": "语言",
};
