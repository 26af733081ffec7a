// The hero image of the LCP page: a 1600 × 500 PNG drawn here (sky, two ridges, grain), so the
// bench needs no image file in the repository. Its grain keeps it well above the 0.05 bits per
// pixel below which Chromium does not count an image as contentful for LCP.
import { crc32, deflateSync } from 'node:zlib'
import { HERO } from './page.mjs'

const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

/** The PNG's bytes (RGB, 8 bits per channel). */
export function heroPng({ width, height } = HERO) {
  let seed = 17
  const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 24) - 12
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    for (let x = 0; x < width; x++) {
      const far = height * (0.45 + 0.12 * Math.sin(x / 170) + 0.05 * Math.sin(x / 37))
      const near = height * (0.7 + 0.1 * Math.sin(x / 260 + 2) + 0.03 * Math.sin(x / 23))
      const [r, g, b] =
        y > near ? [61, 92, 60] : y > far ? [106, 128, 116] : [155 + (y * 60) / height, 190 + (y * 40) / height, 225]
      const grain = noise()
      const at = row + 1 + x * 3
      rows[at] = Math.max(0, Math.min(255, r + grain))
      rows[at + 1] = Math.max(0, Math.min(255, g + grain))
      rows[at + 2] = Math.max(0, Math.min(255, b + grain))
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
