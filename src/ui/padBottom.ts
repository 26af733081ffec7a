/**
 * Keeps the page reachable while `el`, fixed at the bottom of the window, shows (the banner never takes the page away;
 * WCAG 2.4.11): as much padding at the end of the document as the height it covers, so the
 * page's last elements (a footer's links) scroll clear of it on a short page and a long one
 * alike, and as much scroll padding, so a focused element scrolls clear of it too. Set before
 * the first paint that shows `el` (a ResizeObserver runs after layout, before paint), so nothing
 * that was seen moves. Set through the CSSOM, which `style-src` without `'unsafe-inline'` allows.
 */
export function padBottom(el: HTMLElement): () => void {
  const style = document.documentElement.style
  const { scrollPaddingBottom, paddingBottom } = style
  const observer = new ResizeObserver(() => {
    style.scrollPaddingBottom = style.paddingBottom = innerHeight - el.getBoundingClientRect().top + 'px'
  })
  observer.observe(el)
  return () => {
    observer.disconnect()
    style.scrollPaddingBottom = scrollPaddingBottom
    style.paddingBottom = paddingBottom
  }
}
