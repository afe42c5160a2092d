import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshCollection, rejection, startTestCloud, TestCloud } from '../../support/local-cloud'

// Shops on one meridian, 0.01° of latitude apart, north of a centre in Shanghai. On a meridian the
// great-circle distance is the latitude difference in radians times the radius, and MongoDB's sphere
// has a radius of 6378100 m.
const CENTRE = [121.4737, 31.2304] as const
const STEP = 0.01
const metres = (steps: number) => ((steps * STEP * Math.PI) / 180) * 6378100

describe('geo through wx-server-sdk', () => {
  let t: TestCloud
  let db: any
  let _: any
  let shops: any
  const north = (steps: number) => db.Geo.Point(CENTRE[0], CENTRE[1] + steps * STEP)
  /** A closed ring around the point `steps` north of the centre, `half` degrees to each side. */
  const box = (steps: number, half: number) => {
    const [lng, lat] = [CENTRE[0], CENTRE[1] + steps * STEP]
    const corners = [[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]]
    return db.Geo.Polygon([db.Geo.LineString(corners.map(([x, y]) => db.Geo.Point(lng + x * half, lat + y * half)))])
  }
  const ids = (docs: any[]) => docs.map((d) => d._id)

  beforeAll(async () => {
    t = await startTestCloud()
    db = t.db
    _ = db.command
    shops = await freshCollection(db, 'shops')
    // Inserted out of distance order, so that any order in a result comes from the query.
    await shops.add({
      data: [3, 0, 4, 1, 2].map((steps) => ({ _id: `s${steps}`, open: steps !== 2, location: north(steps) })),
    })
  })
  afterAll(() => t.close())

  it('db.Geo values are stored as GeoJSON and read back as db.Geo objects', async () => {
    const c = await freshCollection(db, 'geo')
    const line = db.Geo.LineString([north(0), north(1)])
    const shapes = {
      point: north(0),
      line,
      polygon: box(0, 0.005),
      multiPoint: db.Geo.MultiPoint([north(0), north(1)]),
      multiLine: db.Geo.MultiLineString([line, db.Geo.LineString([north(2), north(3)])]),
      multiPolygon: db.Geo.MultiPolygon([box(0, 0.005), box(4, 0.005)]),
    }
    await c.add({ data: { _id: 'g', ...shapes } })

    const { data } = await c.doc('g').get()
    for (const [field, shape] of Object.entries(shapes)) {
      expect(data[field].constructor.name).toBe(shape.constructor.name)
      expect(data[field].toJSON()).toEqual(shape.toJSON())
    }
    const { list } = await c.aggregate().match({ _id: 'g' }).end()
    expect(list[0].point).toEqual({ type: 'Point', coordinates: [CENTRE[0], CENTRE[1]] })
    expect(list[0].multiPolygon.type).toBe('MultiPolygon')
    expect(list[0].multiPolygon.coordinates).toEqual(shapes.multiPolygon.toJSON().coordinates)
  })

  it('where with _.geoNear returns the documents nearest first', async () => {
    const { data } = await shops.where({ location: _.geoNear({ geometry: north(0) }) }).get()
    expect(ids(data)).toEqual(['s0', 's1', 's2', 's3', 's4'])
    const fromTheNorth = await shops.where({ location: _.geoNear({ geometry: north(3.4) }) }).get()
    expect(ids(fromTheNorth.data)).toEqual(['s3', 's4', 's2', 's1', 's0'])
  })

  it('_.geoNear keeps the documents between minDistance and maxDistance metres', async () => {
    const near = _.geoNear({ geometry: north(0), minDistance: metres(1) - 1, maxDistance: metres(3) + 1 })
    expect(ids((await shops.where({ location: near }).get()).data)).toEqual(['s1', 's2', 's3'])
    const tight = _.geoNear({ geometry: north(0), minDistance: metres(1) + 1, maxDistance: metres(3) - 1 })
    expect(ids((await shops.where({ location: tight }).get()).data)).toEqual(['s2'])
  })

  it('_.geoNear combines with other conditions and pages in distance order; an orderBy overrides it', async () => {
    const query = shops.where({ open: true, location: _.geoNear({ geometry: north(0) }) })
    expect(ids((await query.skip(1).limit(2).get()).data)).toEqual(['s1', 's3'])
    expect(ids((await query.orderBy('_id', 'desc').get()).data)).toEqual(['s4', 's3', 's1', 's0'])
  })

  it('_.geoWithin with a Polygon or MultiPolygon matches the documents inside it', async () => {
    const { data } = await shops.where({ location: _.geoWithin({ geometry: box(1.5, 0.008) }) }).orderBy('_id', 'asc').get()
    expect(ids(data)).toEqual(['s1', 's2'])
    const two = db.Geo.MultiPolygon([box(0, 0.003), box(3, 0.003)])
    const both = await shops.where({ location: _.geoWithin({ geometry: two }) }).orderBy('_id', 'asc').get()
    expect(ids(both.data)).toEqual(['s0', 's3'])
  })

  it('_.geoWithin with centerSphere matches the documents within the radius, given in radians', async () => {
    const radius = (metres(2) + 1) / 6378100
    const within = async (centerSphere: unknown[]) =>
      ids((await shops.where({ location: _.geoWithin({ centerSphere }) }).orderBy('_id', 'asc').get()).data)
    expect(await within([north(0), radius])).toEqual(['s0', 's1', 's2'])
    expect(await within([[CENTRE[0], CENTRE[1] + 4 * STEP], radius])).toEqual(['s2', 's3', 's4'])
  })

  it('_.geoWithin on a shape field matches only shapes wholly inside', async () => {
    const c = await freshCollection(db, 'areas')
    await c.add({
      data: [
        { _id: 'inside', area: box(1, 0.002) },
        { _id: 'straddling', area: box(2, 0.01) },
        { _id: 'route', area: db.Geo.LineString([north(0.5), north(1.5)]) },
      ],
    })
    const { data } = await c.where({ area: _.geoWithin({ geometry: box(1, 0.008) }) }).orderBy('_id', 'asc').get()
    expect(ids(data)).toEqual(['inside', 'route'])
  })

  it('_.geoIntersects matches the shapes sharing any point with the geometry', async () => {
    const c = await freshCollection(db, 'zones')
    const east = (degrees: number, steps: number) => db.Geo.Point(CENTRE[0] + degrees, CENTRE[1] + steps * STEP)
    const road = db.Geo.LineString([east(-0.02, 2), east(0.02, 2)])
    await c.add({
      data: [
        { _id: 'centre', zone: box(0, 0.004) },
        { _id: 'north', zone: box(4, 0.004) },
        { _id: 'road', zone: road },
      ],
    })
    const atNorth = await c.where({ zone: _.geoIntersects({ geometry: north(4) }) }).get()
    expect(ids(atNorth.data)).toEqual(['north'])
    const path = db.Geo.LineString([north(0), north(4)])
    const crossed = await c.where({ zone: _.geoIntersects({ geometry: path }) }).orderBy('_id', 'asc').get()
    expect(ids(crossed.data)).toEqual(['centre', 'north', 'road'])
    const elsewhere = db.Geo.LineString([east(0.05, 0), east(0.05, 5)])
    expect((await c.where({ zone: _.geoIntersects({ geometry: elsewhere }) }).count()).total).toBe(0)
  })

  it('aggregate().geoNear() adds the distance in metres and returns the documents nearest first', async () => {
    const { list } = await shops
      .aggregate()
      .geoNear({ distanceField: 'distance', spherical: true, near: north(0) })
      .end()
    expect(ids(list)).toEqual(['s0', 's1', 's2', 's3', 's4'])
    list.forEach((doc: any, steps: number) => expect(doc.distance).toBeCloseTo(metres(steps), 3))
  })

  it('aggregate().geoNear() honours maxDistance, minDistance, query, key, includeLocs and distanceMultiplier', async () => {
    const { list } = await shops
      .aggregate()
      .geoNear({
        distanceField: 'calculated.km',
        spherical: true,
        near: north(0),
        minDistance: metres(1) - 1,
        maxDistance: metres(4) - 1,
        query: { open: true, _id: _.neq('s0') },
        key: 'location',
        includeLocs: 'measuredTo',
        distanceMultiplier: 0.001,
      })
      .project({ calculated: 1, measuredTo: 1 })
      .end()
    expect(ids(list)).toEqual(['s1', 's3'])
    expect(list[0].calculated.km).toBeCloseTo(metres(1) / 1000, 6)
    expect(list[1].calculated.km).toBeCloseTo(metres(3) / 1000, 6)
    expect(list[1].measuredTo).toEqual(north(3).toJSON())
  })

  it('aggregate().geoNear() without key on documents with two GeoJSON fields is an error naming $geoNear', async () => {
    const c = await freshCollection(db, 'two')
    await c.add({ data: { _id: 'x', home: north(0), work: north(1) } })
    const error = await rejection(c.aggregate().geoNear({ distanceField: 'd', spherical: true, near: north(0) }).end())
    // wx-server-sdk keeps the service's code on an aggregate() failure (its errCode is -1).
    expect(error.code).toBe('DATABASE_REQUEST_FAILED')
    expect(error.errMsg).toMatch(/^collection\.aggregate:fail .*\$geoNear/)
    const { list } = await c.aggregate().geoNear({ distanceField: 'd', spherical: true, near: north(0), key: 'work' }).end()
    expect(list[0].d).toBeCloseTo(metres(1), 3)
  })

  it('aggregate().geoNear() after another stage is an error, as in MongoDB', async () => {
    const late = shops.aggregate().sort({ _id: 1 }).geoNear({ distanceField: 'd', spherical: true, near: north(0) })
    const error = await rejection(late.end())
    expect(error.code).toBe('DATABASE_REQUEST_FAILED')
    expect(error.errMsg).toMatch(/\$geoNear is only valid as the first stage/)
  })
})
