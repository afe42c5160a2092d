import { describe, expect, it } from 'vitest'
import { imageExtensionOf, uploadPath } from '../../src/services/files'

describe('the cloud paths uploads are stored under', () => {
  it.each([
    ['wxfile://tmp_a1b2.PNG', '', 'png'],
    ['http://tmp/photo.jpeg', '', 'jpeg'],
    ['blob:http://127.0.0.1:39100/6f1c', 'image/webp', 'webp'],
    ['blob:http://127.0.0.1:39100/6f1c', 'image/png', 'png'],
    ['blob:http://127.0.0.1:39100/6f1c', '', 'jpg'],
  ])('an image picked at %s (type %j) is stored as .%s: its path says, else its type, else what cameras make', (path, type, extension) => {
    expect(imageExtensionOf(path, type)).toBe(extension)
  })

  it('puts each upload at a path of its own in its folder', () => {
    const paths = Array.from({ length: 100 }, () => uploadPath('roster-imports', 'csv', 1_767_225_600_000))
    expect(new Set(paths).size).toBe(100)
    for (const path of paths) expect(path).toMatch(/^roster-imports\/1767225600000-[0-9a-z]+\.csv$/)
  })
})
