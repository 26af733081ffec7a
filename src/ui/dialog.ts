import type { Consent, Messages } from '../types'
import { activeElement, trapFocus } from './focus'
import { h } from './h'
import { createLayer } from './layer'
import { renderCategories } from './categories'

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
 * category. Escape and the close button leave the choices as they were; a decision
 * closes it.
 */
export function createDialog(consent: Consent, messages: Messages, attrs: Record<string, string>): Dialog {
  const texts = messages.dialog
  let opener: HTMLElement | null = null
  const close = () => consent.closeSettings()
  const decide = (choice: () => void) => () => {
    choice()
    close()
  }
  const el = createLayer(
    consent,
    messages,
    'dialog',
    {
      ...attrs,
      'aria-modal': 'true',
      part: 'dialog',
      onkeydown: (event: KeyboardEvent) => trapFocus(event, el),
      // Escape (a close request) closes the native dialog; the core must hear of it too. The
      // event comes a task later: by then the dialog may be open again, and must stay so.
      onclose: () => {
        if (opener && !el.open) close()
      },
    },
    texts,
    h('button', { part: 'close', 'aria-label': texts.close, onclick: close }, '×'),
    renderCategories(consent, messages),
    [
      ['reject', texts.rejectAll, decide(() => consent.rejectAll())],
      ['accept', texts.acceptAll, decide(() => consent.acceptAll())],
      ['save', texts.save, decide(() => consent.set(Object.fromEntries([...el.querySelectorAll('input')].map((input) => [input.name, input.checked]))))],
    ],
  )
  const sync = () =>
    el.querySelectorAll('input').forEach((input) => {
      input.checked = consent.has(input.name)
    })
  return {
    el,
    sync,
    open() {
      if (el.open) return
      opener = activeElement() || document.body
      sync()
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
