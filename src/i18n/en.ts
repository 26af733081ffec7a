import type { Messages } from '../types'

/** English, built into every bundle that shows text; every other language falls back to it string by string. */
const en: Messages = {
  banner: {
    title: 'Cookie consent',
    description:
      'We use cookies for analytics, marketing and personalization only with your consent. You can change it at any time.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    settings: 'Settings',
    revision: 'Our cookie policy has changed. Please choose again.',
    policy: 'Privacy policy',
  },
  dialog: {
    title: 'Cookie settings',
    description: 'Choose which cookies we may use.',
    save: 'Save settings',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    close: 'Close',
    id: 'Your consent ID',
    copy: 'Copy',
  },
  categories: {
    necessary: {
      title: 'Necessary',
      description: 'Needed for the site to work and to remember your choice. Always on.',
    },
    analytics: { title: 'Analytics', description: 'Count visits and how the site is used.' },
    marketing: { title: 'Marketing', description: 'Show and measure ads, here and on other sites.' },
    personalization: { title: 'Personalization', description: 'Remember your preferences and tailor content.' },
  },
  declaration: {
    show: 'Show cookies',
    name: 'Name',
    provider: 'Provider',
    duration: 'Duration',
    purpose: 'Purpose',
    own: 'Remembers your cookie choices.',
  },
  footer: { link: 'Cookie Settings' },
  gpc: 'Your Global Privacy Control signal is honoured: marketing stays off unless you switch it on.',
  placeholder: { text: 'This content is blocked until you allow {category}.', button: 'Allow {category}' },
}

export default en
