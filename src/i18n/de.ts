import type { Messages } from '../types'

/** German. */
const de: Messages = {
  banner: {
    title: 'Cookie-Einwilligung',
    description:
      'Wir verwenden Cookies für Statistiken, Werbung und persönliche Einstellungen – aber nur, wenn Sie zustimmen. Sie können Ihre Wahl jederzeit ändern.',
    acceptAll: 'Alle akzeptieren',
    rejectAll: 'Alle ablehnen',
    settings: 'Einstellungen',
    revision: 'Unsere Cookie-Richtlinie hat sich seit Ihrem letzten Besuch geändert. Bitte wählen Sie erneut.',
    policy: 'Datenschutzerklärung',
  },
  dialog: {
    title: 'Cookie-Einstellungen',
    description: 'Wählen Sie, welche Cookies wir verwenden dürfen. Sie können das jederzeit ändern.',
    save: 'Einstellungen speichern',
    acceptAll: 'Alle akzeptieren',
    rejectAll: 'Alle ablehnen',
    close: 'Schließen',
    id: 'Ihre Einwilligungs-ID',
    copy: 'Kopieren',
  },
  categories: {
    necessary: {
      title: 'Notwendig',
      description: 'Halten die Website funktionsfähig und speichern diese Auswahl. Immer aktiv.',
    },
    analytics: { title: 'Statistik', description: 'Zählen Besuche und zeigen uns, wie die Website genutzt wird.' },
    marketing: {
      title: 'Marketing',
      description: 'Zeigen passende Werbung und messen ihren Erfolg, hier und auf anderen Websites.',
    },
    personalization: { title: 'Personalisierung', description: 'Merken sich Ihre Vorlieben und passen Inhalte an.' },
  },
  declaration: {
    show: 'Cookies anzeigen',
    name: 'Cookie-Name',
    provider: 'Anbieter',
    duration: 'Laufzeit',
    purpose: 'Zweck',
    own: 'Speichert Ihre Cookie-Auswahl.',
  },
  footer: { link: 'Cookie-Einstellungen' },
  gpc: 'Ihr Browser sendet das Signal „Global Privacy Control“, das wir beachten: Marketing bleibt aus, solange Sie es nicht selbst einschalten.',
  placeholder: {
    text: 'Dieser Inhalt braucht Ihre Zustimmung zu Cookies der Kategorie „{category}“.',
    button: '„{category}“ erlauben',
  },
}

export default de
