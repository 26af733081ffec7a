import { h } from './h'

/** Every action button is the same element in the same style: equal prominence. */
export const button = (part: string, text: string, onclick: () => void): HTMLButtonElement =>
  h('button', { part: 'button ' + part, onclick }, text)
