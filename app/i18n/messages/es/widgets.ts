/** widgets in es; keys and placeholders as in ../widgets.ts. */
export const es = {
  "embed.title": "Widgets de inicio de sesión para {name}",
  "embed.intro":
    "Añade el inicio de sesión a cualquier página tuya con dos líneas de HTML: carga el módulo y coloca un widget. Siguen el tema y el idioma de este inquilino.",
  "embed.live": "En vivo",
  "embed.snippet": "Copiar y pegar",
  "embed.login.title": "Formulario de inicio de sesión",
  "embed.login.text":
    "Todos los métodos de inicio de sesión que tiene activados este inquilino, el registro y el restablecimiento de contraseña.",
  "embed.button.title": "Botón de usuario",
  "embed.button.text":
    "Un avatar con un menú cuando hay sesión iniciada; si no, un botón que abre el formulario de inicio de sesión en un cuadro de diálogo.",
  "embed.profile.title": "Perfil",
  "embed.profile.text":
    "Nombre, correo electrónico, contraseña, llaves de acceso, estado de la autenticación en dos pasos y sesiones del usuario conectado.",
  "embed.api.title": "Desde tu código",
  "embed.api.text": "Envía el JWT de corta duración a tu backend, que lo verifica con las claves de este inquilino:",
  "embed.origins":
    "Añade el origen de tu sitio a los orígenes de confianza del inquilino (Ajustes): así también se activan los tokens Bearer que necesita el modo token, el predeterminado. Esta página muestra los widgets en modo cookie porque es el propio sitio de Portico.",
  "embed.docs": "Todos los atributos, eventos, partes y variables CSS: docs/widgets.md.",
};
