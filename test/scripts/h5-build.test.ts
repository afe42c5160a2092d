import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { h5BuildIsCurrent, h5InputsHash } from '../../scripts/h5-build'
import { tempDir } from '../support/local-cloud'

/** `npm start` reuses dist-h5 only when it was built from exactly the inputs the repository has now. */
describe('whether the H5 build is up to date', () => {
  function repository() {
    const root = tempDir('h5-inputs')
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
      fs.writeFileSync(path.join(root, file), text)
    }
    write('src/app.tsx', 'export default 1')
    write('src/pages/index/index.tsx', 'export default 2')
    write('config/index.ts', 'export default {}')
    write('package-lock.json', '{}')
    write('README.md', 'not an input')
    const output = path.join(root, 'dist-h5')
    write('dist-h5/index.html', '<html></html>')
    fs.writeFileSync(path.join(output, '.build-inputs'), h5InputsHash(root))
    return { root, output, write }
  }

  it('is current when nothing the build reads changed, even if files were touched or other files changed', () => {
    const { root, output, write } = repository()
    const later = new Date(Date.now() + 60_000)
    fs.utimesSync(path.join(root, 'src/app.tsx'), later, later)
    write('README.md', 'edited')
    expect(h5BuildIsCurrent(output, root)).toBe(true)
  })

  it('is stale when a source file changes, is added or is removed, or the dependencies change', () => {
    for (const change of [
      (r: ReturnType<typeof repository>) => r.write('src/app.tsx', 'export default 3'),
      (r: ReturnType<typeof repository>) => r.write('src/pages/new/index.tsx', 'export default 4'),
      (r: ReturnType<typeof repository>) => fs.rmSync(path.join(r.root, 'src/pages/index/index.tsx')),
      (r: ReturnType<typeof repository>) => r.write('package-lock.json', '{"lockfileVersion":3}'),
      (r: ReturnType<typeof repository>) => r.write('.env.production', 'TARO_APP_X=1'),
    ]) {
      const r = repository()
      change(r)
      expect(h5BuildIsCurrent(r.output, r.root)).toBe(false)
    }
  })

  it('is stale when there is no record of what it was built from, or no build', () => {
    const r = repository()
    fs.rmSync(path.join(r.output, '.build-inputs'))
    expect(h5BuildIsCurrent(r.output, r.root)).toBe(false)
    fs.rmSync(r.output, { recursive: true })
    expect(h5BuildIsCurrent(r.output, r.root)).toBe(false)
  })
})
