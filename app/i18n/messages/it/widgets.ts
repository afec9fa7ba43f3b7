/** widgets in it; keys and placeholders as in ../widgets.ts. */
export const it = {
  "embed.title": "Widget di accesso per {name}",
  "embed.intro":
    "Aggiungi l’accesso a qualsiasi tua pagina con due righe di HTML: carica il modulo, poi inserisci un widget. Seguono il tema e la lingua di questo tenant.",
  "embed.live": "Dal vivo",
  "embed.snippet": "Copia e incolla",
  "embed.login.title": "Modulo di accesso",
  "embed.login.text":
    "Tutti i metodi di accesso attivi per questo tenant, la registrazione e la reimpostazione della password.",
  "embed.button.title": "Pulsante utente",
  "embed.button.text":
    "Un avatar con un menu quando hai effettuato l’accesso; altrimenti un pulsante che apre il modulo di accesso in una finestra di dialogo.",
  "embed.profile.title": "Profilo",
  "embed.profile.text":
    "Nome, email, password, passkey, stato dell’autenticazione a due fattori e sessioni dell’utente connesso.",
  "embed.api.title": "Dal tuo codice",
  "embed.api.text": "Invia il JWT di breve durata al tuo backend, che lo verifica con le chiavi di questo tenant:",
  "embed.origins":
    "Aggiungi l’origine del tuo sito alle origini attendibili del tenant (Impostazioni): questo attiva anche i token Bearer richiesti dalla modalità token, quella predefinita. Questa pagina mostra i widget in modalità cookie perché è il sito di Portico stesso.",
  "embed.docs": "Ogni attributo, evento, parte e variabile CSS: docs/widgets.md.",
};
