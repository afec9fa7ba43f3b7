// oidc-provider has no type declarations; tests/support/oidc-provider.ts types what it uses.
declare module "oidc-provider" {
  const Provider: unknown;
  export default Provider;
}
