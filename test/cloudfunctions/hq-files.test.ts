import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseEvent } from '../../local-cloud/server'
import { formatShanghai } from '../../src/core/time'
import { HQ, addHqAdmin, addHqMember, bookAvailableCommission, employeeWithShop } from '../support/employees'
import { auditDatabase } from '../support/database-audit'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { paidOrder } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

const HEADER = '工号,姓名,部门/门店,手机尾号,邀请码'
const today = () => formatShanghai(new Date(), 'YYYY-MM-DD')

describe('hq-files function: the roster from a CSV file, and CSV exports', () => {
  let t: TestCloud
  /** The database requests the function sent, by action, since the last reset. */
  let requests: Record<string, number> = {}
  const observeDatabase = (event: DatabaseEvent) => {
    auditDatabase(event)
    if (event.function === 'hq-files') requests[event.action] = (requests[event.action] ?? 0) + 1
  }
  let uploads = 0
  const upload = async (content: string | Buffer) => {
    const { fileID } = await t.sdk.uploadFile({ cloudPath: `roster-imports/test-${++uploads}.csv`, fileContent: typeof content === 'string' ? Buffer.from(content, 'utf8') : content })
    return fileID as string
  }
  const importFile = async (content: string | Buffer, openid = HQ) => callAs(t.cloud, openid, 'hq-files', 'importRosterFile', { fileID: await upload(content) })
  const entry = async (employeeNo: string) => (await t.db.collection('roster').where({ _id: employeeNo }).get()).data[0] ?? null
  const exportCsv = (payload: unknown, openid = HQ) => callAs(t.cloud, openid, 'hq-files', 'exportCsv', payload)
  /** Downloads an export's link and reads it as Excel would: the bytes, and its records. */
  const download = async (url: string) => {
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer())
    const text = bytes.toString('utf8')
    return { bytes, text, records: Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data }
  }

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 4, observeDatabase })
    await addHqAdmin(t.db)
    await addTestCatalog(t.db)
  })
  afterAll(() => t.close())

  describe('roster import', () => {
    it('imports a good file: new employees are added, known ones updated, unchanged ones not written', async () => {
      const first = await importFile(`${HEADER}\nF1,韩冬,西湖旗舰店,0457,\nF2,杨柳,滨江店,,WELCOME-F2\n`)
      expect(first).toMatchObject({ ok: true, data: { rows: 2, added: 2, updated: 0, unchanged: 0, inactive: [] } })
      expect(await entry('F1')).toMatchObject({ employeeNo: 'F1', name: '韩冬', department: '西湖旗舰店', phoneTail: '0457', inviteCode: null, active: true, verifiedOpenid: null })

      const again = await importFile(`${HEADER}\nF1,韩冬,西湖旗舰店,0457,\nF2,杨柳,滨江店,8866,\nF3,冯伟,,6280,\n`)
      expect(again).toMatchObject({ ok: true, data: { rows: 3, added: 1, updated: 1, unchanged: 1 } })
      expect(await entry('F2')).toMatchObject({ phoneTail: '8866', inviteCode: null })
      const verified = await callAs(t.cloud, 'o-f3', 'shop', 'verifyEmployee', { employeeNo: 'F3', code: '6280' })
      expect(verified.ok).toBe(true)
    })

    it('keeps who verified, and never reactivates an offboarded employee (their rows are answered)', async () => {
      await employeeWithShop(t.cloud, 'F9', 'o-f9', '吴昊')
      await callAs(t.cloud, HQ, 'hq', 'deactivateEmployee', { employeeNo: 'F9', reassignTo: { to: 'hq' } })
      const answer = await importFile(`${HEADER}\nF10,郑晓燕,,1111,\nF9,吴昊,新部门,1234,\n`)
      expect(answer).toMatchObject({ ok: true, data: { added: 1, updated: 1, inactive: [3] } })
      expect(await entry('F9')).toMatchObject({ department: '新部门', active: false, verifiedOpenid: 'o-f9' })
    })

    it('imports nothing from a file with bad rows, and reports each problem by row and field', async () => {
      const answer = await importFile(`${HEADER}\nB1,好人,,1234,\n,无号,,1234,\nB3,坏尾号,,457,\nB4,无码,,,\n`)
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'ROSTER_ROWS_INVALID',
          details: {
            rows: 4,
            issueCount: 3,
            issues: [
              { row: 3, field: 'employeeNo', problem: 'missing' },
              { row: 4, field: 'phoneTail', problem: 'phone_tail_format' },
              { row: 5, field: null, problem: 'code_missing' },
            ],
          },
        },
      })
      expect(await entry('B1')).toBeNull()
      const { data: records } = await t.db.collection('roster_imports').where({ outcome: 'refused' }).get()
      expect(records).toEqual([expect.objectContaining({ byOpenid: HQ, rows: 4, issueCount: 3, added: 0 })])
    })

    it('reports an employee number repeated in the file; one already on the roster is updated, not refused', async () => {
      const answer = await importFile(`${HEADER}\nD1,甲,,1234,\nF1,韩冬,临沧茶园,0457,\nD1,乙,,5678,\n`)
      expect(answer).toMatchObject({ ok: false, error: { code: 'ROSTER_ROWS_INVALID', details: { issues: [{ row: 4, field: 'employeeNo', problem: 'duplicate_in_file', firstRow: 2 }] } } })
      expect(await entry('D1')).toBeNull()
      expect(await entry('F1')).toMatchObject({ department: '西湖旗舰店' })
      const fixed = await importFile(`${HEADER}\nD1,甲,,1234,\nF1,韩冬,临沧茶园,0457,\n`)
      expect(fixed).toMatchObject({ ok: true, data: { added: 1, updated: 1 } })
      expect(await entry('F1')).toMatchObject({ department: '临沧茶园' })
    })

    it('reads Excel’s “CSV UTF-8” (with a byte-order mark) and its plain CSV in GBK', async () => {
      expect(await importFile(`\uFEFF${HEADER}\r\nU1,欧阳娜娜,昆明店,2468,\r\n`)).toMatchObject({ ok: true, data: { added: 1 } })
      expect(await entry('U1')).toMatchObject({ name: '欧阳娜娜', department: '昆明店' })
      const gbk = iconv.encode(`${HEADER}\r\nG1,诸葛亮,成都锦里店,1357,\r\n`, 'gbk')
      expect(gbk.includes(Buffer.from('诸葛亮', 'utf8'))).toBe(false)
      expect(await importFile(gbk)).toMatchObject({ ok: true, data: { added: 1 } })
      expect(await entry('G1')).toMatchObject({ name: '诸葛亮', department: '成都锦里店' })
    })

    it('refuses a file it cannot read as a roster, saying why', async () => {
      expect(await importFile('姓名,部门\n韩冬,西湖店\n')).toMatchObject({ ok: false, error: { code: 'ROSTER_FILE_COLUMNS', details: { missingColumns: ['employeeNo'] } } })
      expect(await importFile(`${HEADER}\n\n`)).toMatchObject({ ok: false, error: { code: 'ROSTER_FILE_EMPTY' } })
      expect(await importFile(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]))).toMatchObject({ ok: false, error: { code: 'ROSTER_FILE_ENCODING' } })
      const missing = await callAs(t.cloud, HQ, 'hq-files', 'importRosterFile', { fileID: 'cloud://local.6c6f-local-1250000000/roster-imports/nope.csv' })
      expect(missing).toMatchObject({ ok: false, error: { code: 'ROSTER_FILE_UNREADABLE' } })
      expect(await callAs(t.cloud, HQ, 'hq-files', 'importRosterFile', { fileID: 'cloud://local.6c6f-local-1250000000/exports/x.csv' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    })

    it('refuses 财务 (the roster is 运营’s) and audits the refusal', async () => {
      await addHqMember(t.db, 'o-finance', 'hq_finance')
      const answer = await importFile(`${HEADER}\nX1,某人,,1234,\n`, 'o-finance')
      expect(answer).toMatchObject({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
      expect(await entry('X1')).toBeNull()
      const { data: audit } = await t.db.collection('audit_logs').where({ actorOpenid: 'o-finance', action: 'hq-files.importRosterFile' }).get()
      expect(audit).toEqual([expect.objectContaining({ ok: false, error: 'HQ_FORBIDDEN', actorRole: 'hq_finance' })])
      expect(await importFile(`${HEADER}\nX1,某人,,1234,\n`, 'o-stranger')).toMatchObject({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
    })

    it('imports 10,000 rows within the function’s time, in batched requests', async () => {
      const rows = Array.from({ length: 10_000 }, (_, i) => `T${String(i).padStart(5, '0')},员工${i},门店${i % 50},${String(i % 10_000).padStart(4, '0')},`)
      const file = `${HEADER}\r\n${rows.join('\r\n')}\r\n`
      requests = {}
      let started = Date.now()
      const answer = await importFile(file)
      const firstMs = Date.now() - started
      expect(answer).toMatchObject({ ok: true, data: { rows: 10_000, added: 10_000, updated: 0 } })
      const firstRequests = { ...requests }
      // 10 reads of 1000 ids, 20 inserts of 500, the import's record, the audit entry and the edge's role check.
      expect(firstRequests['database.getDocument']).toBeLessThanOrEqual(12)
      expect(firstRequests['database.insertDocument']).toBe(22)

      // The same sheet a month later with 500 changed departments: only those are written.
      const changed = rows.map((row, i) => (i % 20 === 0 ? row.replace(`门店${i % 50}`, '新店') : row))
      requests = {}
      started = Date.now()
      const again = await importFile(`${HEADER}\r\n${changed.join('\r\n')}\r\n`)
      const againMs = Date.now() - started
      expect(again).toMatchObject({ ok: true, data: { added: 0, updated: 500, unchanged: 9_500 } })
      console.log(`roster import of 10,000 rows: new ${firstMs} ms, ${JSON.stringify(firstRequests)}; again with 500 changed ${againMs} ms, ${JSON.stringify(requests)}`)
      expect(firstMs).toBeLessThan(60_000)
      expect((await t.db.collection('roster').where({ _id: 'T09999' }).get()).data[0]).toMatchObject({ name: '员工9999', phoneTail: '9999' })
    }, 180_000)
  })

  describe('exports', () => {
    it('exports orders as a CSV Excel opens with its Chinese intact: BOM, CRLF, amounts in yuan, Shanghai times', async () => {
      const { order } = await paidOrder(t.cloud, 'o-buyer-1')
      const answer = await exportCsv({ kind: 'orders', from: today(), to: today() })
      expect(answer).toMatchObject({ ok: true, data: { kind: 'orders', rows: 1, fileName: `订单_${today()}_${today()}.csv` } })
      const { bytes, text, records } = await download(answer.data.url)
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(text.split('\r\n').length).toBe(3)
      expect(text.replace(/\r\n/g, '')).not.toContain('\n')
      expect(records[0].slice(0, 9)).toEqual(['订单号', '下单时间', '状态', '商品', '件数', '商品金额(元)', '优惠(元)', '运费(元)', '实付(元)'])
      const row = Object.fromEntries(records[0].map((title, i) => [title, records[1][i]]))
      expect(row).toMatchObject({ 订单号: order.orderNo, 状态: '待发货', 商品: '西湖龙井(100g)×1', 件数: '1', '商品金额(元)': '68.00', '实付(元)': (order.payableFen / 100).toFixed(2), '已退款(元)': '0.00', 归属小店: '总部' })
      expect(row['下单时间']).toBe(formatShanghai(new Date(order.createdAt), 'YYYY-MM-DD HH:mm:ss'))
      const { data: kept } = await t.db.collection('exports').doc(answer.data.exportId).get()
      expect(kept).toMatchObject({ kind: 'orders', rows: 1, byOpenid: HQ, fileID: answer.data.fileID })
    })

    it('exports commission entries with their shop, owner and order, amounts in yuan', async () => {
      const shop = await employeeWithShop(t.cloud, 'C1', 'o-c1', '王芳')
      const { order } = await paidOrder(t.cloud, 'o-buyer-2')
      await bookAvailableCommission(t.db, shop._id, order._id, 1234)
      const from = formatShanghai(new Date(Date.now() - 11 * 86_400_000), 'YYYY-MM-DD')
      const answer = await exportCsv({ kind: 'commissions', from, to: today() })
      expect(answer).toMatchObject({ ok: true, data: { rows: 3 } })
      const { records } = await download(answer.data.url)
      const rows = records.slice(1).map((r) => Object.fromEntries(records[0].map((title, i) => [title, r[i]])))
      expect(rows[0]).toMatchObject({ 类型: '订单佣金', '金额(元)': '12.34', 小店: '王芳的小店', 店主: '王芳', 工号: 'C1', 订单号: order.orderNo, 订单行: '1', '计佣金额(元)': '123.40', 佣金比例: '10%', 规则版本: '2' })
    })

    it('neutralises cells a spreadsheet would run as formulas, and pages past one read', async () => {
      const at = new Date()
      const shops = Array.from({ length: 1_100 }, (_, i) => ({
        _id: `s-${String(i).padStart(4, '0')}`,
        ownerOpenid: `o-owner-${i}`,
        employeeNo: `F1`,
        name: i === 7 ? '=HYPERLINK("http://evil","点我")' : i === 8 ? '-1+2' : i === 9 ? '@SUM(A1)' : i === 10 ? '+86 店' : `小店${i}`,
        avatar: '',
        intro: '',
        status: 'active',
        picks: { mode: 'all' },
        history: [],
        // Many shops share an instant, so pages meet ties.
        createdAt: new Date(at.getTime() - Math.floor(i / 300) * 1000),
        updatedAt: at,
      }))
      for (let i = 0; i < shops.length; i += 500) await t.db.collection('shops').add({ data: shops.slice(i, i + 500) })
      requests = {}
      const answer = await exportCsv({ kind: 'shops', from: today(), to: today() })
      expect(answer.ok).toBe(true)
      expect(requests['database.getDocument']).toBeGreaterThanOrEqual(3)
      const { records } = await download(answer.data.url)
      const names = records.slice(1).map((r) => r[1])
      // The 1,100 shops and the two the tests above opened, each once, whatever page it fell on.
      expect(answer.data.rows).toBe(1_102)
      expect(new Set(names).size).toBe(1_102)
      expect(names).toEqual(expect.arrayContaining(['小店0', '小店1099', '王芳的小店', "'=HYPERLINK(\"http://evil\",\"点我\")", "'-1+2", "'@SUM(A1)", "'+86 店"]))
      expect(records[2]).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), expect.any(String), expect.any(String), expect.any(String), expect.any(String), expect.any(String)])
      expect(records.find((r) => r[1] === '小店5')).toEqual([expect.any(String), '小店5', '韩冬', 'F1', '营业中', '全部商品'])
    })

    it('lets 财务 export, refuses 运营, and audits both', async () => {
      await addHqMember(t.db, 'o-ops', 'hq_ops')
      expect(await exportCsv({ kind: 'orders', from: today(), to: today() }, 'o-finance')).toMatchObject({ ok: true })
      expect(await exportCsv({ kind: 'orders', from: today(), to: today() }, 'o-ops')).toMatchObject({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
      const audit = async (openid: string) => (await t.db.collection('audit_logs').where({ actorOpenid: openid, action: 'hq-files.exportCsv' }).get()).data
      expect(await audit('o-finance')).toEqual([expect.objectContaining({ ok: true, actorRole: 'hq_finance' })])
      expect(await audit('o-ops')).toEqual([expect.objectContaining({ ok: false, error: 'HQ_FORBIDDEN', actorRole: 'hq_ops' })])
      expect(await exportCsv({ kind: 'orders', from: today(), to: '2020-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    })
  })
})
