// Where measured loads get their tab: a fresh browser context each (no cookies, no cache, no
// storage). Opening one starts a renderer process, half a second or more on a busy 2-core
// machine, so the next tab is opened one ahead — while the current load's trace is read back,
// never while a window is being measured.

export const VIEWPORT = { width: 1280, height: 800 }

/** `take()` resolves `{ context, tab, close }`; `prepare()` starts opening the next one. */
export function freshTabs(browser) {
  let spare
  const open = async () => {
    const context = await browser.newContext({ viewport: VIEWPORT })
    return { context, tab: await context.newPage(), close: () => context.close() }
  }
  return {
    take: () => {
      const next = spare ?? open()
      spare = undefined
      return next
    },
    prepare: () => (spare ??= open()),
    close: async () => (await spare)?.close(),
  }
}

/** New tabs in one existing context (the returning visitor's), opened when asked for. */
export function tabsIn(context) {
  return {
    take: async () => {
      const tab = await context.newPage()
      return { context, tab, close: () => tab.close() }
    },
    prepare: async () => {},
  }
}
