import type { Consent, Messages } from '../types'
import { button } from './button'
import { activeElement, trapFocus } from './focus'
import { h } from './h'
import { gpcNotice } from './notices'
import { policyLink } from './policyLink'
import { createSwitches } from './switches'

export interface Dialog {
  el: HTMLDialogElement
  /** Shows the dialog with switches set from the current choices. */
  open(): void
  /** Hides it and gives focus back to the element that opened it. */
  close(): void
  /** Sets the switches again, after a decision made elsewhere. */
  sync(): void
}

/**
 * The second layer: a modal `<dialog>` (top layer, page made inert) with a switch per
 * category. Escape and the close button leave the choices as they were.
 */
export function createDialog(
  consent: Consent,
  m: Messages,
  attrs: Record<string, string>,
  decide: (choice: () => void) => void,
): Dialog {
  const d = m.dialog
  const switches = createSwitches(consent, m)
  let opener: HTMLElement | null = null
  const el = h(
    'dialog',
    {
      ...attrs,
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'dt',
      part: 'dialog',
      onkeydown: (e: KeyboardEvent) => trapFocus(e, el),
      // Escape (a close request) closes the native dialog; the core must hear of it too.
      onclose: () => opener && consent.closeSettings(),
    },
    h(
      'div',
      { part: 'head' },
      h('h2', { id: 'dt', part: 'title' }, d.title),
      h('button', { part: 'close', 'aria-label': d.close, onclick: () => consent.closeSettings() }, '×'),
    ),
    h('p', { part: 'description' }, d.description, ' ', policyLink(consent.config.policyUrl, m.banner.policy)),
    gpcNotice(consent, m),
    ...switches.els,
    h(
      'div',
      { part: 'actions' },
      button('reject', d.rejectAll, () => decide(() => consent.rejectAll())),
      button('accept', d.acceptAll, () => decide(() => consent.acceptAll())),
      button('save', d.save, () => decide(() => consent.set(switches.choices()))),
    ),
  )
  return {
    el,
    sync: switches.sync,
    open() {
      if (opener) return
      opener = activeElement() || document.body
      switches.sync()
      el.showModal()
    },
    close() {
      const back = opener
      if (!back) return
      opener = null
      el.close()
      back.focus()
    },
  }
}
