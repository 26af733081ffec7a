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
 * The second layer: a modal `<dialog>` (top layer, page made inert) with a switch and the
 * cookie declaration per category, and the visitor's consent id once they decided. Escape
 * and the close button leave the choices as they were; a decision closes it at once and is
 * made after the next paint (`defer`, which also hides the banner).
 */
export function createDialog(
  consent: Consent,
  messages: Messages,
  attrs: Record<string, string>,
  defer: (decision: () => void) => void,
): Dialog {
  const texts = messages.dialog
  let opener: HTMLElement | null = null
  const close = consent.closeSettings
  const decide = (choice: () => void) => {
    defer(choice)
    close()
  }
  // The consent id, shown once a decision exists: the visitor cites it in a request about their data.
  const code = h('code', {})
  const copy = () => {
    // Selected in any case: where the clipboard is refused or missing, the visitor copies it by hand.
    getSelection()!.selectAllChildren(code)
    navigator.clipboard?.writeText(code.textContent!).catch(() => {})
  }
  const id = h(
    'p',
    { part: 'id' },
    texts.id,
    ' ',
    code,
    ' ',
    h('button', { part: 'button copy', onclick: copy }, texts.copy),
  )
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
    [...renderCategories(consent, messages), id],
    [
      ['reject', texts.rejectAll, () => decide(consent.rejectAll)],
      ['accept', texts.acceptAll, () => decide(consent.acceptAll)],
      [
        'save',
        texts.save,
        () => {
          // Read at the click: the switches as the visitor left them.
          const choices = Object.fromEntries(
            [...el.querySelectorAll('input')].map((input) => [input.name, input.checked]),
          )
          decide(() => consent.set(choices))
        },
      ],
    ],
  )
  const sync = () => {
    const record = consent.record()
    el.querySelectorAll('input').forEach((input) => {
      input.checked = consent.has(input.name)
    })
    id.hidden = !record
    code.textContent = record && record.id
  }
  // Set now: the closed dialog is laid out (styles.ts), so switches set only on opening would animate.
  sync()
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
