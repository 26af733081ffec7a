/**
 * Keeps keyboard focus from hiding under `el` (WCAG 2.4.11). While it shows, the page's
 * scroll padding equals the height it covers, so a focused element scrolls clear of it;
 * on a page that already scrolls, as much padding at the end lets the last elements
 * scroll clear too (on a page that does not, it would add a scrollbar: a layout shift).
 * Set through the CSSOM, which `style-src` without `'unsafe-inline'` allows.
 */
export function padBottom(el: HTMLElement): () => void {
  const html = document.documentElement
  const style = html.style
  const { scrollPaddingBottom, paddingBottom } = style
  const observer = new ResizeObserver(() => {
    // Both reads before any write: a read after a write would force a second style and layout pass.
    const px = innerHeight - el.getBoundingClientRect().top + 'px'
    const scrolls = html.scrollHeight > innerHeight
    style.scrollPaddingBottom = px
    if (scrolls) style.paddingBottom = px
  })
  observer.observe(el)
  return () => {
    observer.disconnect()
    style.scrollPaddingBottom = scrollPaddingBottom
    style.paddingBottom = paddingBottom
  }
}
