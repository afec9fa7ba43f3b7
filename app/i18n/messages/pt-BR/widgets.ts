/** widgets in pt-BR; keys and placeholders as in ../widgets.ts. */
export const ptBR = {
  "embed.title": "Widgets de login para {name}",
  "embed.intro":
    "Adicione login a qualquer página sua com duas linhas de HTML: carregue o módulo e posicione um widget. Eles seguem o tema e o idioma deste tenant.",
  "embed.live": "Ao vivo",
  "embed.snippet": "Copiar e colar",
  "embed.login.title": "Formulário de login",
  "embed.login.text": "Todos os métodos de login ativados neste tenant, cadastro e redefinição de senha.",
  "embed.button.title": "Botão de usuário",
  "embed.button.text":
    "Um avatar com menu quando conectado; quando não, um botão que abre o formulário de login em uma caixa de diálogo.",
  "embed.profile.title": "Perfil",
  "embed.profile.text":
    "Nome, e-mail, senha, chaves de acesso, status da autenticação em duas etapas e sessões do usuário conectado.",
  "embed.api.title": "No seu código",
  "embed.api.text": "Envie o JWT de curta duração para o seu backend, que o verifica com as chaves deste tenant:",
  "embed.origins":
    "Adicione a origem do seu site às origens confiáveis do tenant (Configurações): isso também ativa os tokens Bearer de que o modo token, o padrão, precisa. Esta página mostra os widgets no modo cookie porque é o próprio site do Portico.",
  "embed.docs": "Todos os atributos, eventos, partes e variáveis CSS: docs/widgets.md.",
};
