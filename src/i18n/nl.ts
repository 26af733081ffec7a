import type { Messages } from '../types'

/** Dutch. */
const nl: Messages = {
  banner: {
    title: 'Toestemming voor cookies',
    description:
      'We gebruiken cookies voor statistieken, advertenties en persoonlijke instellingen, maar alleen als je daarmee instemt. Je kunt je keuze altijd wijzigen.',
    acceptAll: 'Alles accepteren',
    rejectAll: 'Alles weigeren',
    settings: 'Instellingen',
    revision: 'Ons cookiebeleid is gewijzigd sinds je laatste bezoek. Maak opnieuw een keuze.',
    policy: 'Privacybeleid',
  },
  dialog: {
    title: 'Cookie-instellingen',
    description: 'Kies welke cookies we mogen gebruiken. Je kunt dit altijd wijzigen.',
    save: 'Instellingen opslaan',
    acceptAll: 'Alles accepteren',
    rejectAll: 'Alles weigeren',
    close: 'Sluiten',
    id: 'Je toestemmings-ID',
    copy: 'Kopiëren',
  },
  categories: {
    necessary: { title: 'Noodzakelijk', description: 'Zorgen dat de site werkt en onthouden deze keuze. Altijd aan.' },
    analytics: { title: 'Statistieken', description: 'Tellen bezoeken en laten ons zien hoe de site wordt gebruikt.' },
    marketing: {
      title: 'Marketing',
      description: 'Tonen relevante advertenties en meten het effect ervan, hier en op andere sites.',
    },
    personalization: { title: 'Personalisatie', description: 'Onthouden je voorkeuren en stemmen de inhoud op je af.' },
  },
  declaration: {
    show: 'Cookies tonen',
    name: 'Naam',
    provider: 'Aanbieder',
    duration: 'Bewaartermijn',
    purpose: 'Doel',
    own: 'Onthoudt je cookiekeuze.',
  },
  footer: { link: 'Cookie-instellingen' },
  gpc: 'Je browser stuurt het Global Privacy Control-signaal en dat respecteren we: marketing blijft uit tenzij je het zelf aanzet.',
  placeholder: {
    text: 'Voor deze inhoud is je toestemming nodig voor cookies van het type ‘{category}’.',
    button: '‘{category}’ toestaan',
  },
}

export default nl
