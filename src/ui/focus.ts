/** The focused element, looking inside (open) shadow roots. */
export function activeElement(): HTMLElement | null {
  let a = document.activeElement
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement
  return a as HTMLElement | null
}

/** Keeps Tab and Shift+Tab cycling inside `box`: the page behind a modal is out of reach. */
export function trapFocus(e: KeyboardEvent, box: HTMLElement): void {
  const all = [...box.querySelectorAll<HTMLElement>('a[href],button,input:not(:disabled)')]
  if (e.shiftKey) all.reverse()
  // Keyboard events target the focused element; from the last one, Tab wraps to the first.
  if (e.key == 'Tab' && e.target == all.pop()) {
    e.preventDefault()
    all[0]!.focus()
  }
}
