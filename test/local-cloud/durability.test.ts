import { describe, expect, it } from 'vitest'
import { startCloudProcess } from '../support/cloud-process'
import { connectSdk, tempDir } from '../support/local-cloud'

const connect = async (url: string) => (await connectSdk(url)).database()

describe('durability', () => {
  it('a restart keeps every collection, document, date and update', async () => {
    const dataDir = tempDir('restart')
    const first = await startCloudProcess(dataDir)
    let db = await connect(first.url)
    await db.createCollection('notes')
    const at = new Date('2026-11-25T08:00:00.000Z')
    await db.collection('notes').add({ data: { _id: 'a', text: '龙井 250g', at, n: 1 } })
    await db.collection('notes').add({ data: { _id: 'b', text: 'gone soon' } })
    await db.collection('notes').doc('a').update({ data: { n: db.command.inc(4) } })
    await db.collection('notes').doc('b').remove()
    await first.stop()

    const second = await startCloudProcess(dataDir)
    db = await connect(second.url)
    const { data } = await db.collection('notes').where({}).get()
    expect(data).toEqual([{ _id: 'a', text: '龙井 250g', at, n: 5 }])
    await expect(db.createCollection('notes')).rejects.toThrow()
    await second.stop()
  })

  it('SIGKILL in the middle of 1,000 inserts loses no insert that was acknowledged', async () => {
    const dataDir = tempDir('sigkill')
    const first = await startCloudProcess(dataDir)
    let db = await connect(first.url)
    await db.createCollection('acks')
    const acknowledged: string[] = []
    let killed = false
    const writers = Array.from({ length: 20 }, async (_, writer) => {
      for (let i = 0; i < 50; i++) {
        const _id = `w${writer}-${i}`
        try {
          await db.collection('acks').add({ data: { _id, writer, i, amountFen: 100 + i } })
          acknowledged.push(_id)
        } catch {
          return // the server is gone: this insert was never acknowledged
        }
        if (!killed && acknowledged.length >= 400) {
          killed = true
          // Killed while the other 19 writers have inserts in flight.
          void first.stop('SIGKILL')
        }
      }
    })
    await Promise.all(writers)
    expect(killed).toBe(true)
    expect(acknowledged.length).toBeGreaterThanOrEqual(400)
    expect(acknowledged.length).toBeLessThan(1000)

    const second = await startCloudProcess(dataDir)
    db = await connect(second.url)
    const stored = new Set<string>()
    for (let offset = 0; ; offset += 1000) {
      const { data } = await db.collection('acks').where({}).skip(offset).limit(1000).get()
      for (const doc of data) stored.add(doc._id)
      if (data.length < 1000) break
    }
    const lost = acknowledged.filter((id) => !stored.has(id))
    expect(lost).toEqual([])
    await second.stop()
  })
})
