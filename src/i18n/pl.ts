import type { Messages } from '../types'

/** Polish. */
const pl: Messages = {
  banner: {
    title: 'Zgoda na pliki cookie',
    description:
      'Używamy plików cookie do statystyk, reklam i ustawień osobistych, ale tylko za Twoją zgodą. Swój wybór możesz zmienić w dowolnej chwili.',
    acceptAll: 'Akceptuj wszystkie',
    rejectAll: 'Odrzuć wszystkie',
    settings: 'Ustawienia',
    revision: 'Od Twojej ostatniej wizyty zmieniła się nasza polityka cookie. Wybierz ponownie.',
    policy: 'Polityka prywatności',
  },
  dialog: {
    title: 'Ustawienia plików cookie',
    description: 'Wybierz, których plików cookie możemy używać. Możesz to zmienić w dowolnej chwili.',
    save: 'Zapisz ustawienia',
    acceptAll: 'Akceptuj wszystkie',
    rejectAll: 'Odrzuć wszystkie',
    close: 'Zamknij',
    id: 'Twój identyfikator zgody',
    copy: 'Kopiuj',
  },
  categories: {
    necessary: {
      title: 'Niezbędne',
      description: 'Zapewniają działanie strony i zapamiętują ten wybór. Zawsze włączone.',
    },
    analytics: { title: 'Analityczne', description: 'Liczą odwiedziny i pokazują nam, jak korzystasz ze strony.' },
    marketing: {
      title: 'Marketingowe',
      description: 'Wyświetlają dopasowane reklamy i mierzą ich skuteczność, tutaj i na innych stronach.',
    },
    personalization: { title: 'Personalizacja', description: 'Zapamiętują Twoje preferencje i dopasowują treści.' },
  },
  declaration: {
    show: 'Pokaż pliki cookie',
    name: 'Nazwa',
    provider: 'Dostawca',
    duration: 'Ważność',
    purpose: 'Cel',
    own: 'Zapamiętuje Twój wybór dotyczący plików cookie.',
  },
  footer: { link: 'Ustawienia cookie' },
  gpc: 'Twoja przeglądarka wysyła sygnał Global Privacy Control, który respektujemy: marketing pozostaje wyłączony, dopóki sam go nie włączysz.',
  placeholder: {
    text: 'Ta treść wymaga Twojej zgody na pliki cookie z kategorii „{category}”.',
    button: 'Zezwól: {category}',
  },
}

export default pl
