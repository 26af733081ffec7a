// Classic XSS payloads, shared by the jsdom and the Chromium tests. Each one that could
// run sets `window.xss` (or `top.xss`), which the tests assert stays unset.

export const PAYLOADS = [
  `<img src=x onerror="window.xss='img'">`,
  `<script>window.xss='script'</script>`,
  `"><svg onload="window.xss='svg'">`,
  `'><iframe src="javascript:top.xss='iframe'"></iframe>`,
  `<a href="javascript:window.xss='a'">click</a>`,
  `<details open ontoggle="window.xss='details'">`,
  `</textarea></title><img src=x onerror="window.xss='breakout'">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.xss='mxss'">`,
  `{{constructor.constructor('window.xss="template"')()}}`,
  '${window.xss="literal"}',
  `$& $' $\` $1 {category}`,
  `<style>*{display:none!important}</style>`,
  '&lt;b&gt;entity&lt;/b&gt; &amp; &#x3C;',
  `javascript:window.xss='text'`,
  '\u202Eevil\u202C \u0000 \uFEFF',
]

/** URLs a link or a beacon must never get: the URL parser strips tabs, newlines and leading spaces. */
export const DANGEROUS_URLS = [
  `javascript:window.xss='href'`,
  `JaVaScRiPt:window.xss='href'`,
  `java\tscript:window.xss='href'`,
  `java\nscript:window.xss='href'`,
  ` javascript:window.xss='href'`,
  `\u0001javascript:window.xss='href'`,
  'data:text/html,<script>window.xss="data"</script>',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cueHNzPSJiNjQiPC9zY3JpcHQ+',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:http://localhost:3000/9d1c2b7e-9a3d-4e5f-8a6b-1c2d3e4f5a6b',
]

/** Every configurable text, by the path of its option. */
export const TEXT_FIELDS = [
  'categories.analytics.title',
  'categories.analytics.description',
  'categories.analytics.services.hotjar.title',
  'categories.analytics.services.hotjar.description',
  'categories.marketing.title',
  'categories.marketing.description',
  'translations.en.banner.title',
  'translations.en.banner.description',
  'translations.en.banner.acceptAll',
  'translations.en.banner.rejectAll',
  'translations.en.banner.settings',
  'translations.en.banner.revision',
  'translations.en.banner.policy',
  'translations.en.dialog.title',
  'translations.en.dialog.description',
  'translations.en.dialog.save',
  'translations.en.dialog.acceptAll',
  'translations.en.dialog.rejectAll',
  'translations.en.dialog.close',
  'translations.en.categories.necessary.title',
  'translations.en.categories.necessary.description',
  'translations.en.categories.analytics.title',
  'translations.en.categories.analytics.description',
  'translations.en.categories.marketing.title',
  'translations.en.categories.marketing.description',
  'translations.en.categories.personalization.title',
  'translations.en.categories.personalization.description',
  'translations.en.footer.link',
  'translations.en.gpc',
  'translations.en.placeholder.text',
  'translations.en.placeholder.button',
]

/**
 * Texts the UI shows for this config, found by the tests in text or attributes: the
 * translated titles of analytics and marketing give way to the site's own category titles
 * in the dialog, so they are left out; placeholder texts get `{category}` filled in.
 */
export const SHOWN_FIELDS = TEXT_FIELDS.filter(
  (f) =>
    !/^translations\.en\.categories\.(analytics|marketing)\./.test(f) && !f.startsWith('translations.en.placeholder'),
)

/** A config with `text(field)` in every text field (placeholder texts also name `{category}`). */
export function textConfig(
  text: (field: string) => string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const config: Record<string, unknown> = {
    revision: 1,
    reloadOnWithdraw: false,
    floatingButton: true,
    policyUrl: 'https://www.site.test/privacy',
    categories: { analytics: { services: { hotjar: {} } }, marketing: {} },
    translations: { en: {} },
    ...extra,
  }
  for (const field of TEXT_FIELDS) {
    const path = field.split('.')
    let node = config as Record<string, unknown>
    for (const key of path.slice(0, -1)) node = (node[key] ||= {}) as Record<string, unknown>
    node[path.at(-1)!] = field.startsWith('translations.en.placeholder') ? text(field) + ' {category}' : text(field)
  }
  return config
}
