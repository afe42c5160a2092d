import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshCollection, rejection, startTestCloud, TestCloud } from '../../support/local-cloud'

// '寿' and '司' take 3 UTF-8 bytes each and '🍣' 4 bytes (and two UTF-16 units): '寿司 sushi 🍣' has
// 10 code points and 17 bytes.
const DOC = {
  _id: 'a',
  name: '寿司 sushi 🍣',
  mixed: 'Café ÉCOLE',
  pad: ' \u00a0tea\u3000 ',
  fish: '🍣🍣tea🍣',
  n: 42,
  none: null,
  at: new Date('2019-05-14T00:00:00Z'),
}

describe('string and date expressions through wx-server-sdk, as MongoDB evaluates them', () => {
  let t: TestCloud
  let $: any
  let c: any
  const project = async (fields: Record<string, unknown>) =>
    (await c.aggregate().project({ _id: 0, ...fields }).end()).list[0]
  /** The service's answer to a projection MongoDB refuses to evaluate. */
  const refusal = async (expression: unknown) => {
    const error = await rejection(c.aggregate().project({ x: expression }).end())
    // wx-server-sdk keeps the service's code on an aggregate() failure (its errCode is -1).
    expect(error.code).toBe('DATABASE_REQUEST_FAILED')
    return error.errMsg as string
  }

  beforeAll(async () => {
    t = await startTestCloud()
    $ = t.db.command.aggregate
    c = await freshCollection(t.db, 'strings')
    await c.add({ data: DOC })
  })
  afterAll(() => t.close())

  it('$indexOfCP counts code points, and a match may begin before the end index and run past it', async () => {
    expect(
      await project({
        sushi: $.indexOfCP(['$name', 'sushi']),
        fish: $.indexOfCP(['$name', '🍣']),
        fromFour: $.indexOfCP(['$name', 's', 4]),
        runsPastEnd: $.indexOfCP(['$name', 'sushi', 0, 4]),
        startsAtEnd: $.indexOfCP(['$name', '🍣', 0, 9]),
        emptyAtTwo: $.indexOfCP(['$name', '', 2]),
        emptyAtLength: $.indexOfCP(['$name', '', 10]),
        ofNull: $.indexOfCP(['$none', 'x']),
      }),
    ).toEqual({
      sushi: 3,
      fish: 9,
      fromFour: 5,
      runsPastEnd: 3,
      startsAtEnd: -1,
      emptyAtTwo: 2,
      emptyAtLength: -1,
      ofNull: null,
    })
    expect(await refusal($.indexOfCP(['$name', 5]))).toMatch(/\$indexOfCP requires a string as the second argument, found: int/)
    expect(await refusal($.indexOfCP(['$name', 's', -1]))).toMatch(/\$indexOfCP requires a nonnegative starting index/)
  })

  it('$indexOfBytes counts UTF-8 bytes, and a match must end by the end index', async () => {
    expect(
      await project({
        sushi: $.indexOfBytes(['$name', 'sushi']),
        fish: $.indexOfBytes(['$name', '🍣']),
        endZero: $.indexOfBytes(['$name', '寿', 0, 0]),
        runsPastEnd: $.indexOfBytes(['$name', 'sushi', 0, 11]),
        emptyAtLength: $.indexOfBytes(['$name', '', 17]),
        ofNull: $.indexOfBytes(['$none', 'x']),
      }),
    ).toEqual({ sushi: 7, fish: 13, endZero: -1, runsPastEnd: -1, emptyAtLength: 17, ofNull: null })
    expect(await refusal($.indexOfBytes(['$n', '4']))).toMatch(
      /\$indexOfBytes requires a string as the first argument, found: int/,
    )
  })

  it('$strLenBytes and $strLenCP count bytes and code points, and refuse anything but a string', async () => {
    expect(
      await project({
        bytes: $.strLenBytes('$name'),
        codePoints: $.strLenCP('$name'),
        accentedBytes: $.strLenBytes('$mixed'),
        accentedCodePoints: $.strLenCP('$mixed'),
      }),
    ).toEqual({ bytes: 17, codePoints: 10, accentedBytes: 12, accentedCodePoints: 10 })
    expect(await refusal($.strLenCP('$none'))).toMatch(/\$strLenCP requires a string argument, found: null/)
    expect(await refusal($.strLenBytes('$n'))).toMatch(/\$strLenBytes requires a string argument, found: int/)
    expect(await refusal($.strLenCP('$nowhere'))).toMatch(/\$strLenCP requires a string argument, found: missing/)
  })

  it('$substrBytes and $substr take a negative length as the rest of the string and never split a character', async () => {
    expect(
      await project({
        rest: $.substrBytes(['$name', 7, -1]),
        head: $.substr(['$name', 0, 6]),
        ofNull: $.substrBytes(['$none', 0, 2]),
        ofNumber: $.substr(['$n', 1, 1]),
        pastEnd: $.substrBytes(['$name', 40, 2]),
      }),
    ).toEqual({ rest: 'sushi 🍣', head: '寿司', ofNull: '', ofNumber: '2', pastEnd: '' })
    expect(await refusal($.substrBytes(['$name', 1, 2]))).toMatch(/starting index is a UTF-8 continuation byte/)
    expect(await refusal($.substrBytes(['$name', 0, 2]))).toMatch(/ending index is in the middle of a UTF-8 character/)
    expect(await refusal($.substr(['$name', -1, 2]))).toMatch(/starting index must be non-negative/)
  })

  it('$substrCP counts code points and, unlike $substrBytes, refuses a negative length', async () => {
    expect(
      await project({
        fish: $.substrCP(['$name', 9, 1]),
        head: $.substrCP(['$name', 0, 2]),
        tail: $.substrCP(['$name', 3, 100]),
      }),
    ).toEqual({ fish: '🍣', head: '寿司', tail: 'sushi 🍣' })
    expect(await refusal($.substrCP(['$name', 0, -1]))).toMatch(/\$substrCP: length must be a nonnegative integer/)
    expect(await refusal($.substrCP(['$name', 0.5, 1]))).toMatch(
      /\$substrCP: starting index cannot be represented as a 32-bit integral value/,
    )
  })

  it('$toLower and $toUpper change ASCII letters only, and turn numbers and null into strings', async () => {
    expect(
      await project({
        lower: $.toLower('$mixed'),
        upper: $.toUpper('$mixed'),
        number: $.toLower('$n'),
        ofNull: $.toUpper('$none'),
      }),
    ).toEqual({ lower: 'café École', upper: 'CAFé ÉCOLE', number: '42', ofNull: '' })
  })

  it('$strcasecmp ignores the case of ASCII letters only and takes null as the empty string', async () => {
    expect(
      await project({
        asciiCase: $.strcasecmp(['$mixed', 'cAFé ÉcoLE']),
        accentCase: $.strcasecmp(['$mixed', 'CAFÉ ÉCOLE']),
        before: $.strcasecmp(['apple', 'Banana']),
        nullAndEmpty: $.strcasecmp(['$none', '']),
      }),
    ).toEqual({ asciiCase: 0, accentCase: 1, before: -1, nullAndEmpty: 0 })
  })

  it('$split splits on a non-empty separator and gives null for a null string', async () => {
    expect(await project({ words: $.split(['$name', ' ']), ofNull: $.split(['$none', ' ']) })).toEqual({
      words: ['寿司', 'sushi', '🍣'],
      ofNull: null,
    })
    expect(await refusal($.split(['$name', '']))).toMatch(/\$split requires a non-empty separator/)
    expect(await refusal($.split(['$n', '2']))).toMatch(
      /\$split requires an expression that evaluates to a string as a first argument, found: int/,
    )
  })

  it('$concat joins strings, gives null when a part is null and refuses other types', async () => {
    expect(await project({ joined: $.concat(['$name', '!']), withNull: $.concat(['$name', '$none']) })).toEqual({
      joined: '寿司 sushi 🍣!',
      withNull: null,
    })
    expect(await refusal($.concat(['$name', '$n']))).toMatch(/\$concat only supports strings, not int/)
  })

  it("$trim, $ltrim and $rtrim remove MongoDB's whitespace, or the code points given in chars", async () => {
    expect(
      await project({
        both: { $trim: { input: '$pad' } },
        left: { $ltrim: { input: '$pad' } },
        right: { $rtrim: { input: '$pad' } },
        fish: { $trim: { input: '$fish', chars: '🍣' } },
        leftFishAndT: { $ltrim: { input: '$fish', chars: 't🍣' } },
        ofNull: { $trim: { input: '$none' } },
      }),
    ).toEqual({
      // U+3000 (the ideographic space) is not in MongoDB's whitespace.
      both: 'tea\u3000',
      left: 'tea\u3000 ',
      right: ' \u00a0tea\u3000',
      fish: 'tea',
      leftFishAndT: 'ea🍣',
      ofNull: null,
    })
    expect(await refusal({ $trim: { input: '$n' } })).toMatch(
      /\$trim requires its input to be a string, got 42 \(of type int\)/,
    )
  })

  it('$week counts weeks from Sunday, the days before the first Sunday being week 0', async () => {
    expect(
      await project({
        may14: $.week('$at'),
        newYearsDay2019: $.week(new Date('2019-01-01T00:00:00Z')),
        firstSunday2019: $.week(new Date('2019-01-06T00:00:00Z')),
        sundayNewYear2017: $.week(new Date('2017-01-01T00:00:00Z')),
        lastDay2019: $.week(new Date('2019-12-31T00:00:00Z')),
        saturdayUtc: $.week(new Date('2019-05-11T20:00:00Z')),
        sundayInShanghai: $.week({ date: new Date('2019-05-11T20:00:00Z'), timezone: '+08:00' }),
        ofNull: $.week('$none'),
      }),
    ).toEqual({
      may14: 19,
      newYearsDay2019: 0,
      firstSunday2019: 1,
      sundayNewYear2017: 1,
      lastDay2019: 52,
      saturdayUtc: 18,
      sundayInShanghai: 19,
      ofNull: null,
    })
  })
})
