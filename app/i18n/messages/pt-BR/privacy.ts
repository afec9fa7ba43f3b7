/** privacy in pt-BR; keys and placeholders as in ../privacy.ts. */
export const ptBR = {
  "privacy.title": "Seus dados",
  "privacy.intro":
    "Baixe tudo o que temos sobre você em um arquivo JSON, ou exclua sua conta e os dados que pertencem a ela.",
  "privacy.download": "Baixar meus dados",
  "privacy.delete": "Excluir minha conta",
  "privacy.deleteTitle": "Excluir sua conta",
  "privacy.deleteWarning":
    "Isso exclui {email} com seus métodos de login, chaves de acesso, sessões e participações em organizações. Não é possível desfazer.",
  "privacy.deletePassword": "Sua senha",
  "privacy.deletePasswordHint": "Para confirmar que é você.",
  "privacy.deleteFresh": "Você entrou recentemente, então não é preciso informar a senha.",
  "privacy.deleteConfirm": "Entendo que minha conta será excluída para sempre",
  "privacy.deleteSubmit": "Excluir minha conta",
  "privacy.deleteCancel": "Manter minha conta",
  "privacy.deleted": "Sua conta foi excluída.",
  "privacy.deletedText": "Sua conta e os dados que pertenciam a ela foram excluídos. Você pode fechar esta página.",
  "privacy.error.confirm": "Marque a caixa para confirmar.",
  "privacy.error.password": "Essa senha não está correta.",
  "privacy.error.reauthenticate": "Para sua segurança, saia e entre novamente; depois, exclua sua conta em até um dia.",
};
