import type { Messages } from '../types'

/** Italian. */
const it: Messages = {
  banner: {
    title: 'Consenso ai cookie',
    description:
      'Usiamo i cookie per statistiche, pubblicità e preferenze personali, ma solo se acconsenti. Puoi cambiare la tua scelta in qualsiasi momento.',
    acceptAll: 'Accetta tutto',
    rejectAll: 'Rifiuta tutto',
    settings: 'Impostazioni',
    revision:
      'La nostra informativa sui cookie è cambiata dalla tua ultima visita. Ti chiediamo di scegliere di nuovo.',
    policy: 'Informativa sulla privacy',
  },
  dialog: {
    title: 'Impostazioni dei cookie',
    description: 'Scegli quali cookie possiamo usare. Puoi modificare la scelta in qualsiasi momento.',
    save: 'Salva impostazioni',
    acceptAll: 'Accetta tutto',
    rejectAll: 'Rifiuta tutto',
    close: 'Chiudi',
    id: 'Il tuo ID di consenso',
    copy: 'Copia',
  },
  categories: {
    necessary: {
      title: 'Necessari',
      description: 'Fanno funzionare il sito e ricordano questa scelta. Sempre attivi.',
    },
    analytics: { title: 'Statistiche', description: 'Contano le visite e ci mostrano come viene usato il sito.' },
    marketing: {
      title: 'Marketing',
      description: 'Mostrano annunci pertinenti e ne misurano l’efficacia, qui e su altri siti.',
    },
    personalization: { title: 'Personalizzazione', description: 'Ricordano le tue preferenze e adattano i contenuti.' },
  },
  declaration: {
    show: 'Mostra i cookie',
    name: 'Nome',
    provider: 'Fornitore',
    duration: 'Durata',
    purpose: 'Finalità',
    own: 'Memorizza le tue scelte sui cookie.',
  },
  footer: { link: 'Impostazioni dei cookie' },
  gpc: 'Il tuo browser invia il segnale Global Privacy Control, che rispettiamo: il marketing resta disattivato finché non lo attivi tu.',
  placeholder: {
    text: 'Questo contenuto richiede il tuo consenso ai cookie «{category}».',
    button: 'Consenti «{category}»',
  },
}

export default it
