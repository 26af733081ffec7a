/** The focused element, looking inside (open) shadow roots. */
export function activeElement(): HTMLElement | null {
  let a = document.activeElement
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement
  return a as HTMLElement | null
}

/** Keeps Tab and Shift+Tab cycling inside `box`: the page behind a modal is out of reach. */
export function trapFocus(e: KeyboardEvent, box: HTMLElement): void {
  if (e.key != 'Tab') return
  const all = box.querySelectorAll<HTMLElement>('a[href],button,input:not(:disabled)')
  const first = all[0]
  const last = all[all.length - 1]
  const at = activeElement()
  if (at == (e.shiftKey ? first : last)) {
    e.preventDefault()
    ;(e.shiftKey ? last : first)!.focus()
  }
}
