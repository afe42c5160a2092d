import { describe, expect, it } from 'vitest'
import { readRosterTable, sameDetails } from '../../src/core/roster'

const TITLES = { employeeNo: ['工号'], name: ['姓名'], department: ['部门', '门店'], phoneTail: ['手机尾号'], inviteCode: ['邀请码'] } as const
const HEADER = ['工号', '姓名', '部门', '手机尾号', '邀请码']
const read = (...rows: string[][]) => readRosterTable([HEADER, ...rows], TITLES)

describe('reading a roster file', () => {
  it('reads each row by its column title, whatever the column order, and numbers rows as the spreadsheet does', () => {
    const result = readRosterTable([['姓名', ' 门店 ', '工号', '手机尾号', '备注'], ['韩冬', '西湖店', 'E1', '0457', 'x']], TITLES)
    expect(result).toEqual({ ok: true, table: { rows: [{ row: 2, entry: { employeeNo: 'E1', name: '韩冬', department: '西湖店', phoneTail: '0457' } }], issues: [] } })
  })

  it('refuses a file without the employee number or name column', () => {
    expect(readRosterTable([['姓名', '部门']], TITLES)).toEqual({ ok: false, refusal: { missingColumns: ['employeeNo'] } })
    expect(readRosterTable([], TITLES)).toEqual({ ok: false, refusal: { missingColumns: ['employeeNo', 'name'] } })
  })

  it('skips blank lines but keeps counting them', () => {
    const result = read(['E1', '韩冬', '', '1234', ''], ['', '', '', '', ''], [''], ['E2', '杨柳', '', '', 'WELCOME-2'])
    expect(result.ok && result.table.rows.map((r) => r.row)).toEqual([2, 5])
  })

  it.each([
    [['', '韩冬', '', '1234', ''], { field: 'employeeNo', problem: 'missing' }],
    [['E1', '  ', '', '1234', ''], { field: 'name', problem: 'missing' }],
    [['E1', '名'.repeat(21), '', '1234', ''], { field: 'name', problem: 'too_long' }],
    [['E1', '韩冬', '部'.repeat(41), '1234', ''], { field: 'department', problem: 'too_long' }],
    [['E1', '韩冬', '', '457', ''], { field: 'phoneTail', problem: 'phone_tail_format' }],
    [['E1', '韩冬', '', '12a4', ''], { field: 'phoneTail', problem: 'phone_tail_format' }],
    [['E1', '韩冬', '', '', 'abc'], { field: 'inviteCode', problem: 'invite_code_length' }],
    [['E1', '韩冬', '', '', ''], { field: null, problem: 'code_missing' }],
  ])('reports a bad row by row, field and problem: %j', (row, issue) => {
    const result = read(['E0', '好人', '', '1111', ''], row)
    expect(result.ok && result.table).toEqual({ rows: [expect.objectContaining({ row: 2 })], issues: [{ row: 3, ...issue }] })
  })

  it('reports every later row of a repeated employee number, naming the first', () => {
    const result = read(['E1', '韩冬', '', '1234', ''], ['E2', '杨柳', '', '5678', ''], ['E1', '韩冬冬', '', '4321', ''], [' E1 ', '又一个', '', '9999', ''])
    expect(result.ok && result.table.issues).toEqual([
      { row: 4, field: 'employeeNo', problem: 'duplicate_in_file', firstRow: 2 },
      { row: 5, field: 'employeeNo', problem: 'duplicate_in_file', firstRow: 2 },
    ])
    expect(result.ok && result.table.rows.map((r) => r.entry.employeeNo)).toEqual(['E1', 'E2'])
  })
})

describe('an import writes a known employee only when the file changes their details', () => {
  const entry = { name: '韩冬', department: '西湖店', phoneTail: '1234', inviteCode: null }
  it.each([
    [{ employeeNo: 'E1', name: '韩冬', department: '西湖店', phoneTail: '1234' }, true],
    [{ employeeNo: 'E1', name: '韩冬', department: '滨江店', phoneTail: '1234' }, false],
    [{ employeeNo: 'E1', name: '韩冬', department: '西湖店', inviteCode: 'WELCOME-1' }, false],
  ])('%j same: %s', (row, same) => expect(sameDetails(entry, row)).toBe(same))
})
