// The one page every library is measured on: a small shop (header, navigation, a hero image
// placeholder, 18 paragraphs, a footer with a "Cookie Settings" link), and the texts every
// library's banner and dialog are given, so that no banner is shorter because its texts are.

/** Consentry's English defaults, handed to every library in its own config shape. */
export const TEXTS = {
  banner: {
    title: 'Cookie consent',
    description:
      'We use cookies for statistics, ads and personal settings, but only if you agree. You can change your choice at any time.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    settings: 'Settings',
  },
  dialog: {
    title: 'Cookie settings',
    description: 'Choose which cookies we may use. You can change this at any time.',
    save: 'Save settings',
    close: 'Close',
  },
  categories: {
    necessary: { title: 'Necessary', description: 'Keep the site working and remember this choice. Always on.' },
    analytics: { title: 'Analytics', description: 'Count visits and show us how the site is used.' },
    marketing: { title: 'Marketing', description: 'Show relevant ads and measure them, here and on other sites.' },
    personalization: { title: 'Personalization', description: 'Remember your preferences and tailor content.' },
  },
  footerLink: 'Cookie Settings',
}

export const CATEGORIES = Object.keys(TEXTS.categories)

/** The hero image's intrinsic size (./hero.mjs draws it). */
export const HERO = { width: 1600, height: 500 }

/** What each gated inline script does when its library lets it run: the sanity check reads it. */
export const gatedBody = (category) => `(window.__ran = window.__ran || []).push('${category}')`

const STYLE = `<style>
body { margin: 0; font: 16px/1.6 system-ui, sans-serif; color: #222 }
header, footer { display: flex; gap: 1.5rem; align-items: center; padding: 1rem 2rem; background: #1f3a2e; color: #fff }
header a, footer a { color: inherit }
.hero { display: block; width: 100%; height: auto; aspect-ratio: 16 / 5; background: linear-gradient(120deg, #9bb8a5, #cfd9c8) }
main { max-width: 42rem; margin: 2rem auto; padding: 0 1rem }
</style>`

const PARAGRAPH =
  '<p>Tents, packs and boots tested on real trails. Free returns for 60 days, repairs for life, and a shop that answers the phone.</p>'

/**
 * The page: `head` goes first in <head> (a consent manager's place), `gated` (the library's
 * gated scripts) at the end of <main>, `footerLink` is the library's settings link and `tail`
 * ends <body>. With `hero` (an image URL), the hero is a real image, as a shop's usually is.
 */
export function shopPage({
  head = '',
  gated = '',
  footerLink = `<a href="#">${TEXTS.footerLink}</a>`,
  tail = '',
  hero,
}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,">
${head}
<title>Acme Outdoor</title>
${STYLE}
</head><body>
<header><strong>Acme Outdoor</strong><nav aria-label="Main"><a href="#">Shop</a> <a href="#">Journal</a> <a href="#">Stores</a></nav></header>
${hero ? `<img class="hero" src="${hero}" width="${HERO.width}" height="${HERO.height}" alt="Hikers on a ridge" fetchpriority="high">` : '<div class="hero" role="img" aria-label="Hikers on a ridge"></div>'}
<main><h1>Spring range</h1>
${PARAGRAPH.repeat(18)}
${gated}
</main>
<footer><span>© Acme Outdoor</span>${footerLink}</footer>
${tail}
</body></html>`
}
