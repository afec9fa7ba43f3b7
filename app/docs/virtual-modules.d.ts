declare module "virtual:portico-docs/pages" {
  const docs: import("./compile").CompiledDocs;
  export default docs;
}

declare module "virtual:portico-docs/search" {
  const index: import("./compile").DocsSearchEntry[];
  export default index;
}
