// What jsdom lacks and the UI relies on in browsers: the modal API of <dialog> and
// ResizeObserver. The stand-ins do the observable part (open state, `close` event).
const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>
proto.showModal ||= function (this: HTMLDialogElement) {
  this.open = true
}
proto.close ||= function (this: HTMLDialogElement) {
  if (!this.open) return
  this.open = false
  this.dispatchEvent(new Event('close'))
}
globalThis.ResizeObserver ||= class {
  constructor(private callback: () => void) {}
  observe() {
    this.callback()
  }
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver
