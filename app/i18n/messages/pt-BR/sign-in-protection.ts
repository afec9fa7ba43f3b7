/** sign-in-protection in pt-BR; keys and placeholders as in ../sign-in-protection.ts. */
export const ptBR = {
  "signInProtection.otherWays": "Outras formas de entrar:",
  "signInProtection.resetPassword": "Redefinir sua senha",
  "signInProtection.checkEmail": "Confira seu e-mail",
  "signInProtection.checkEmailText":
    "Se {email} puder ser usado para uma nova conta, enviamos o necessário para continuar. Siga o e-mail para prosseguir.",
  "emails.accountThrottled.subject": "Tentativas de login malsucedidas na sua conta do {product}",
  "emails.accountThrottled.preview": "Alguém tentou entrar na sua conta com uma senha ou um código errado.",
  "emails.accountThrottled.heading": "Tentativas de login malsucedidas",
  "emails.accountThrottled.body":
    "{failures, plural, one {Houve # tentativa malsucedida} other {Houve # tentativas malsucedidas}} de entrar na sua conta do {product} ({email}) com uma senha ou um código errado. Agora vamos desacelerar as próximas tentativas.",
  "emails.accountThrottled.notYou":
    "Se não foi você, sua senha continua protegendo sua conta. Por segurança, escolha uma nova; entrar com um link ou um código sempre funciona.",
  "emails.accountThrottled.button": "Redefinir sua senha",
  "emails.signUpAttempt.subject": "Alguém tentou se cadastrar no {product} com seu endereço",
  "emails.signUpAttempt.preview": "Você já tem uma conta, então nenhuma nova foi criada.",
  "emails.signUpAttempt.heading": "Você já tem uma conta",
  "emails.signUpAttempt.body":
    "Alguém acabou de tentar criar uma conta no {product} com {email}. Você já tem uma, então nada foi alterado.",
  "emails.signUpAttempt.notYou":
    "Se foi você, entre em vez disso. Se esqueceu sua senha, redefina-a. Se não foi você, pode ignorar este e-mail.",
  "emails.signUpAttempt.button": "Entrar",
};
