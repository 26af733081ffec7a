import * as advertising from './advertising'
import * as analytics from './analytics'
import * as chat from './chat'
import * as embeds from './embeds'
import * as replay from './replay'
import type { Vendor } from './types'

/** Every preset, sorted by id. Importing it pulls in all of them; import presets by name to keep a bundle small. */
export const vendors: readonly Vendor[] = [advertising, analytics, chat, embeds, replay]
  .flatMap((kind) => Object.values(kind) as Vendor[])
  .sort((a, b) => (a.id < b.id ? -1 : 1))
