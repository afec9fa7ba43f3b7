/** auth-errors in pt-BR; keys and placeholders as in ../auth-errors.ts. */
export const ptBR = {
  "authErrors.invalidCredentials": "E-mail ou senha incorretos.",
  "authErrors.emailNotVerified": "Confirme seu e-mail antes de entrar: abra o link que enviamos para você.",
  "authErrors.tooManyAttempts": "Muitas tentativas. Aguarde um minuto e tente novamente.",
  "authErrors.accountThrottled":
    "Muitas tentativas para esta conta. Tente novamente em {seconds, plural, one {# segundo} other {# segundos}} ou entre com um link.",
  "authErrors.accountLocked":
    "Muitas tentativas malsucedidas para esta conta: o login com senha está pausado. Entre com um link ou um código, ou redefina sua senha.",
  "authErrors.busy": "Muitas pessoas estão entrando agora. Tente novamente em alguns segundos.",
  "authErrors.passkeyCancelled":
    "A solicitação da chave de acesso foi cancelada ou expirou. Tente novamente ou entre de outra forma.",
  "authErrors.passkeyFailed":
    "Não conseguimos verificar esta chave de acesso. Tente novamente ou entre de outra forma.",
  "authErrors.networkError": "Não foi possível acessar o serviço de login. Verifique sua conexão e tente novamente.",
};
