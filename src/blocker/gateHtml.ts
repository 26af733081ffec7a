import type { BlockedBy } from './blockedBy'
import { trusted } from './trusted'

/**
 * Gates one HTML string given to `target`; `live` where its scripts will run (a contextual
 * fragment, `document.write`).
 */
export type HtmlGate = (html: unknown, live: boolean | undefined, target: unknown) => unknown

// Elements whose content is text, not markup: a script's code must never be re-serialized as
// HTML. (The obsolete and never-shown ones, such as xmp and noscript, are left out.)
const TEXT = /^(SCRIPT|STYLE|TEXTAREA|TITLE)$/

/**
 * Elements made by the HTML parser never pass through the patched `src` setters, and an img
 * starts loading as soon as it is parsed, even inside a detached element. So HTML that
 * mentions `src` is parsed first in an inert template: each img, iframe and source whose
 * `src` or `srcset` a rule blocks becomes gated markup (`data-consent`, `data-src`,
 * `data-srcset`), and, where scripts run, so does each such script (`type="text/plain"`, its
 * type kept in `data-type`, its `src` kept: a text/plain script is never fetched). The blocker
 * activates them on consent. HTML with nothing to gate is passed on exactly as it came.
 */
export function createHtmlGate(blockedBy: BlockedBy): HtmlGate {
  const { get, set } = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!
  return (html, live, target) => {
    if (!/src/i.test(html as string) || TEXT.test((target as Element).tagName)) return html
    const template = document.createElement('template')
    try {
      // Parsed inert through the SDK's policy, so a plain string under Trusted Types adds no
      // violation of its own; what goes back to the page stays as trusted as it came.
      set!.call(template, typeof html == 'string' ? trusted(html, 'createHTML') : html)
    } catch {
      return html
    }
    let gated
    for (const el of template.content.querySelectorAll(live ? 'img,iframe,source,script' : 'img,iframe,source')) {
      const names = ['src', 'srcset'].filter((name) => el.getAttribute(name))
      const keys = new Set(names.flatMap((name) => blockedBy(el.getAttribute(name)!)))
      // A text/plain script is already gated (or a data block): the queue holds its src when it runs.
      if (!keys.size || (el as HTMLScriptElement).type == 'text/plain') continue
      gated = 1
      el.setAttribute('data-consent', [el.getAttribute('data-consent'), ...keys].join(' ').trim())
      if (el.tagName == 'SCRIPT') {
        el.setAttribute('data-type', (el as HTMLScriptElement).type)
        ;(el as HTMLScriptElement).type = 'text/plain'
        // Its own nonce, or one that matches none: a script from a string must not borrow the
        // page's nonce (the queue lends it to gated markup) to pass a CSP that would refuse it.
        el.setAttribute('nonce', el.getAttribute('nonce') || '-')
      } else for (const name of names) el.setAttribute('data-' + name, el.getAttribute(name)!), el.removeAttribute(name)
    }
    if (!gated) return html
    const out: string = get!.call(template)
    // Only what arrived trusted leaves trusted: a plain string stays one, and Trusted Types judges it.
    return (self as { trustedTypes?: { isHTML(v: unknown): boolean } }).trustedTypes?.isHTML(html) ? trusted(out, 'createHTML') : out
  }
}
