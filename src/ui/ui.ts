import { getMessages } from '../i18n/getMessages'
import { isRtl } from '../i18n/isRtl'
import type { Consent, Messages } from '../types'
import { createBanner } from './banner'
import { renderDeclarations } from './declaration'
import { createDialog } from './dialog'
import type { Dialog } from './dialog'
import { listenForSettings, renderFooterLinks } from './footer'
import { h } from './h'
import { padBottom } from './padBottom'
import { pendingDecision } from './pendingDecision'
import { shadow } from './shadow'
import { css } from './styles'

/**
 * The consent UI: banner, settings dialog, footer widget and floating button, in an open
 * shadow root. Started while `<head>` is still parsing, it only subscribes until
 * something must be shown: a visitor who already decided gets no rendering, no styles.
 */
export function createUI(consent: Consent): () => void {
  const config = consent.config
  let wantBanner = !consent.decided
  let wantSettings = false
  // Whether the body exists (DOMContentLoaded), so that layers can be mounted.
  let loaded = false
  // The texts and the language of every layer, chosen when first needed: a visitor who already
  // decided, on a page without footer or declaration slots, never pays for merging them.
  let messages: Messages | undefined
  // Set by `texts()` with the messages: every use below reads it only after a call of `texts()`
  // (earlier in the same argument list, or the statement before). One object holding both: +11 B.
  let attrs: Record<string, string>
  const texts = (): Messages => {
    if (!messages) {
      messages = getMessages(consent)
      attrs = { lang: consent.language, dir: isRtl(consent.language) ? 'rtl' : 'ltr' }
    }
    return messages
  }
  let root: ShadowRoot | undefined
  let banner: HTMLElement | undefined
  let floating: HTMLElement | undefined
  let dialog: Dialog | undefined
  let unpad = () => {}
  let unlink = unpad
  const pending = pendingDecision()
  /** A decision's click: the banner goes at once, the decision follows the next paint. */
  const decide = (decision: () => void) => {
    wantBanner = false
    update()
    pending.defer(decision)
  }

  const mount = <E extends HTMLElement>(el: E): E => {
    if (!root) {
      root = shadow(h('consentry-ui', { theme: config.theme }), css, config.nonce)
      // First in <body> when the banner shows, so Tab reaches it before the page.
      document.body[wantBanner ? 'prepend' : 'append'](root.host)
    }
    root.append(el)
    return el
  }

  /** Brings the DOM in line with what is wanted, once the body exists. */
  const update = () => {
    if (!loaded) return
    if (wantBanner && !banner) {
      banner = createBanner(consent, texts(), attrs, decide)
      unpad = padBottom(mount(banner))
    }
    if (!wantBanner && banner) {
      banner.remove()
      banner = undefined
      unpad()
    }
    if (config.floatingButton) {
      const { link } = texts().footer
      floating ||= mount(h('button', { ...attrs, part: 'button floating', onclick: consent.openSettings }, link))
      floating.hidden = wantBanner
    }
    if (wantSettings) prepare()!.open()
    else dialog?.close()
  }

  /** Builds the settings dialog, closed, once the body exists: on first open, or before (footer.ts). */
  const prepare = () => {
    if (loaded && !dialog) {
      dialog = createDialog(consent, texts(), attrs, decide)
      mount(dialog.el)
    }
    return dialog
  }

  const onLoad = () => {
    loaded = true
    const offs = [renderFooterLinks(() => texts().footer.link), renderDeclarations(consent, texts)]
    unlink = () => offs.map((off) => off())
    update()
  }
  if (document.readyState != 'loading') onLoad()
  else document.addEventListener('DOMContentLoaded', onLoad)

  const offs = [
    listenForSettings(consent, prepare),
    consent.on('banner', () => {
      wantBanner = true
      update()
    }),
    consent.on('settings', (open) => {
      // Opened with the decision clicked just before it made, so the switches show it.
      if (open) pending.flush()
      wantSettings = open
      update()
    }),
    consent.on('change', () => {
      wantBanner &&= !consent.decided
      update()
      dialog?.sync()
    }),
  ]
  return () => {
    // A decision clicked just before is made while the other features still listen.
    pending.flush()
    offs.forEach((off) => off())
    document.removeEventListener('DOMContentLoaded', onLoad)
    dialog?.close()
    unpad()
    unlink()
    root?.host.remove()
  }
}
