// The libraries compared, each set up as its own documentation says, on the same shop page, with
// the same four categories (necessary required; analytics, marketing, personalization off until
// chosen), the same texts and one gated inline script per category in its own gating syntax.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CATEGORIES, TEXTS, gatedBody, shopPage } from './page.mjs'

const repo = (path) => fileURLToPath(new URL('../../' + path, import.meta.url))
const versionOf = (pkg) => JSON.parse(readFileSync(repo(`node_modules/${pkg}/package.json`), 'utf8')).version
const script = (body) => `<script>${body}</script>`
const OPTIONAL = CATEGORIES.filter((c) => c != 'necessary')

/** The cookies each category says it sets, the same list for every library. */
const COOKIES = { necessary: [], analytics: ['_ga'], marketing: ['_fbp'], personalization: ['prefs'] }

const consentryConfig = {
  categories: Object.fromEntries(OPTIONAL.map((c) => [c, { cookies: COOKIES[c] }])),
  translations: {
    en: {
      banner: TEXTS.banner,
      dialog: TEXTS.dialog,
      categories: TEXTS.categories,
      footer: { link: TEXTS.footerLink },
    },
  },
}

const consentry = {
  name: 'consentry',
  label: `Consentry ${versionOf('..')}`,
  files: { '/dist/consentry.iife.js': repo('dist/consentry.iife.js') },
  dynamicBlocker: true,
  banner: "document.querySelector('consentry-ui')?.shadowRoot?.querySelector('section')",
  // The root of its UI, for the returning visitor's and the LCP's checks.
  ui: 'consentry-ui',
  sourceMap: repo('dist/consentry.iife.js.map'),
  acceptAll: 'consentry.acceptAll()',
  // Disconnects the observer and restores the patched prototypes (for the blocker's paired row).
  stop: 'consentry.destroy()',
  // Its documented setup: the JSON config, then the script, first in <head>, not async.
  page: (extra) =>
    shopPage({
      ...extra,
      head: `<script type="application/json" id="consentry-config">${JSON.stringify(consentryConfig)}</script><script src="/dist/consentry.iife.js"></script>`,
      gated: CATEGORIES.map((c) => `<script type="text/plain" data-consent="${c}">${gatedBody(c)}</script>`).join('\n'),
      footerLink: `<a href="#" data-consentry-settings>${TEXTS.footerLink}</a>`,
    }),
}

const vanillaConfig = {
  hideFromBots: false, // it would otherwise stay hidden from an automated browser
  categories: Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      c == 'necessary'
        ? { enabled: true, readOnly: true }
        : { autoClear: { cookies: COOKIES[c].map((name) => ({ name })) } },
    ]),
  ),
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: TEXTS.banner.title,
          description: TEXTS.banner.description,
          acceptAllBtn: TEXTS.banner.acceptAll,
          acceptNecessaryBtn: TEXTS.banner.rejectAll,
          showPreferencesBtn: TEXTS.banner.settings,
        },
        preferencesModal: {
          title: TEXTS.dialog.title,
          acceptAllBtn: TEXTS.banner.acceptAll,
          acceptNecessaryBtn: TEXTS.banner.rejectAll,
          savePreferencesBtn: TEXTS.dialog.save,
          closeIconLabel: TEXTS.dialog.close,
          sections: [
            { description: TEXTS.dialog.description },
            ...CATEGORIES.map((c) => ({ ...TEXTS.categories[c], linkedCategory: c })),
          ],
        },
      },
    },
  },
}

const vanilla = {
  name: 'vanilla-cookieconsent',
  label: `vanilla-cookieconsent ${versionOf('vanilla-cookieconsent')}`,
  files: {
    '/vcc/cookieconsent.css': repo('node_modules/vanilla-cookieconsent/dist/cookieconsent.css'),
    '/vcc/cookieconsent.umd.js': repo('node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js'),
  },
  dynamicBlocker: false,
  banner: "document.querySelector('#cc-main .cm')",
  ui: '#cc-main',
  acceptAll: "CookieConsent.acceptCategory('all')",
  // Its documented UMD setup: the stylesheet in <head>, the script and run() at the end of <body>.
  page: (extra) =>
    shopPage({
      ...extra,
      head: '<link rel="stylesheet" href="/vcc/cookieconsent.css">',
      gated: CATEGORIES.map((c) => `<script type="text/plain" data-category="${c}">${gatedBody(c)}</script>`).join(
        '\n',
      ),
      footerLink: `<a href="#" data-cc="show-preferencesModal">${TEXTS.footerLink}</a>`,
      tail: `<script src="/vcc/cookieconsent.umd.js"></script>${script(`CookieConsent.run(${JSON.stringify(vanillaConfig)})`)}`,
    }),
}

const orejimeConfig = {
  privacyPolicyUrl: '/privacy',
  purposes: CATEGORIES.map((c) => ({
    id: c,
    ...TEXTS.categories[c],
    cookies: COOKIES[c],
    isMandatory: c == 'necessary',
  })),
  translations: {
    banner: {
      title: TEXTS.banner.title,
      description: TEXTS.banner.description,
      accept: TEXTS.banner.acceptAll,
      decline: TEXTS.banner.rejectAll,
      configure: TEXTS.banner.settings,
    },
    modal: {
      title: TEXTS.dialog.title,
      description: TEXTS.dialog.description,
      save: TEXTS.dialog.save,
      acceptAll: TEXTS.banner.acceptAll,
      declineAll: TEXTS.banner.rejectAll,
      close: TEXTS.dialog.close,
    },
  },
}

const orejime = {
  name: 'orejime',
  label: `Orejime ${versionOf('orejime')}`,
  files: {
    '/orejime/orejime-standard-en.js': repo('node_modules/orejime/dist/orejime-standard-en.js'),
    '/orejime/orejime-standard.css': repo('node_modules/orejime/dist/orejime-standard.css'),
  },
  dynamicBlocker: false,
  banner: "document.querySelector('.orejime-Banner')",
  ui: '.orejime-Env',
  acceptAll: 'orejime.manager.acceptAll()',
  // Its documented setup: window.orejimeConfig, the standard English build and its stylesheet;
  // it starts on DOMContentLoaded. Gated markup is a <template data-purpose> around the script.
  page: (extra) =>
    shopPage({
      ...extra,
      head: `${script(`window.orejimeConfig = ${JSON.stringify(orejimeConfig)}`)}<script src="/orejime/orejime-standard-en.js"></script><link rel="stylesheet" href="/orejime/orejime-standard.css">`,
      gated: CATEGORIES.map((c) => `<template data-purpose="${c}"><script>${gatedBody(c)}</script></template>`).join(
        '\n',
      ),
      footerLink: `<a href="#" onclick="orejime.prompt(); return false">${TEXTS.footerLink}</a>`,
    }),
}

const klaroConfig = {
  version: 1,
  lang: 'en',
  mustConsent: false, // a banner, not a wall, as for the others
  acceptAll: true,
  showNoticeTitle: true,
  groupByPurpose: true,
  htmlTexts: false,
  services: CATEGORIES.map((c) => ({
    name: c,
    title: TEXTS.categories[c].title,
    purposes: [c],
    cookies: COOKIES[c],
    required: c == 'necessary',
  })),
  translations: {
    zz: { privacyPolicyUrl: '/privacy' },
    en: {
      consentNotice: {
        title: TEXTS.banner.title,
        description: TEXTS.banner.description,
        learnMore: TEXTS.banner.settings,
      },
      consentModal: { title: TEXTS.dialog.title, description: TEXTS.dialog.description },
      ok: TEXTS.banner.acceptAll,
      acceptAll: TEXTS.banner.acceptAll,
      decline: TEXTS.banner.rejectAll,
      save: TEXTS.dialog.save,
      close: TEXTS.dialog.close,
      purposes: Object.fromEntries(CATEGORIES.map((c) => [c, TEXTS.categories[c]])),
    },
  },
}

const klaro = {
  name: 'klaro',
  label: `Klaro ${versionOf('klaro')}`,
  files: { '/klaro/klaro.js': repo('node_modules/klaro/dist/klaro.js') },
  dynamicBlocker: false,
  banner: "document.querySelector('.klaro .cookie-notice')",
  ui: '.klaro',
  acceptAll: 'klaro.getManager().changeAll(true), klaro.getManager().saveAndApplyConsents()',
  // Its documented setup: the config (a global klaroConfig), then klaro.js with `defer`, which
  // carries its CSS. Gated markup: type text/plain with data-type and data-name.
  page: (extra) =>
    shopPage({
      ...extra,
      head: `${script(`var klaroConfig = ${JSON.stringify(klaroConfig)}`)}<script defer src="/klaro/klaro.js"></script>`,
      gated: CATEGORIES.map(
        (c) => `<script type="text/plain" data-type="text/javascript" data-name="${c}">${gatedBody(c)}</script>`,
      ).join('\n'),
      footerLink: `<a href="#" onclick="return klaro.show()">${TEXTS.footerLink}</a>`,
    }),
}

/** The same page with no consent manager: what every library's main-thread time is measured against. */
export const BASELINE = { name: 'baseline', label: 'no library', files: {}, page: (extra) => shopPage({ ...extra }) }

export const LIBRARIES = [consentry, vanilla, orejime, klaro]
