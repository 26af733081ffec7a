/** The focused element, looking inside (open) shadow roots. */
export function activeElement(): HTMLElement | null {
  let active = document.activeElement
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
  return active as HTMLElement | null
}

/** Keeps Tab and Shift+Tab cycling inside `box`: the page behind a modal is out of reach. */
export function trapFocus(event: KeyboardEvent, box: HTMLElement): void {
  const all = [...box.querySelectorAll<HTMLElement>('a[href],button,input:not(:disabled)')]
  if (event.shiftKey) all.reverse()
  // Keyboard events target the focused element; from the last one, Tab wraps to the first.
  if (event.key == 'Tab' && event.target == all.pop()) {
    event.preventDefault()
    all[0]!.focus()
  }
}
