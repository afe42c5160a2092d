import { booleanIntersects } from '@turf/boolean-intersects'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { booleanWithin } from '@turf/boolean-within'
import { distance } from '@turf/distance'
import { nearestPointOnLine } from '@turf/nearest-point-on-line'
import type { Geometry, MultiLineString, Position } from 'geojson'
import { Query } from 'mingo'
import type { PipelineOperator, QueryOperator } from 'mingo/core'
import { resolve, setValue } from 'mingo/util'
import { queryFailed } from './errors'

type AnyObject = Record<string, any>

/**
 * Geospatial queries as MongoDB's 2dsphere index answers them: `db.Geo.*` values are stored as GeoJSON,
 * `_.geoNear` arrives as `$nearSphere`, `_.geoWithin` and `_.geoIntersects` as `$geoWithin` and
 * `$geoIntersects`, and `aggregate().geoNear()` as the `$geoNear` stage. Distances are great-circle
 * distances in metres on MongoDB's sphere; containment and intersection are Turf's, which treats edges
 * as straight lines in longitude and latitude (MongoDB uses geodesics: the same for areas the size of
 * a city).
 */

/** The earth radius MongoDB uses for spherical distances, in metres. */
const EARTH_RADIUS_M = 6378100

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'])

function isGeometry(value: unknown): value is Geometry {
  return (
    !!value &&
    typeof value === 'object' &&
    GEOMETRY_TYPES.has((value as AnyObject).type) &&
    Array.isArray((value as AnyObject).coordinates)
  )
}

/** The GeoJSON values at `path`: one, or each of an array's, as a 2dsphere index sees them. */
function locationsAt(doc: AnyObject, path: string): Geometry[] {
  const value = resolve(doc, path)
  return (Array.isArray(value) ? value.flat(Infinity) : [value]).filter(isGeometry)
}

/** Every vertex of a geometry. */
function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates]
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat(1)
    case 'MultiPolygon':
      return geometry.coordinates.flat(2)
    default:
      return []
  }
}

/** A multi-geometry as its single parts, which Turf's containment test takes one at a time. */
function partsOf(geometry: Geometry): Geometry[] {
  switch (geometry.type) {
    case 'MultiPoint':
      return geometry.coordinates.map((coordinates) => ({ type: 'Point', coordinates }))
    case 'MultiLineString':
      return geometry.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }))
    case 'MultiPolygon':
      return geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }))
    default:
      return [geometry]
  }
}

/** The angle (radians) between `from` and the nearest point of `geometry`: 0 inside a polygon. */
function angleTo(from: Position, geometry: Geometry): number {
  switch (geometry.type) {
    case 'Point':
    case 'MultiPoint':
      return Math.min(...positionsOf(geometry).map((position) => distance(from, position, { units: 'radians' })))
    case 'LineString':
    case 'MultiLineString':
      return nearestPointOnLine(geometry, from, { units: 'radians' }).properties.pointDistance
    case 'Polygon':
    case 'MultiPolygon': {
      if (booleanPointInPolygon(from, geometry)) return 0
      const rings: MultiLineString = {
        type: 'MultiLineString',
        coordinates: geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat(1),
      }
      return nearestPointOnLine(rings, from, { units: 'radians' }).properties.pointDistance
    }
    default:
      return Infinity
  }
}

/** The nearest of a document's locations to `from`, and its distance in metres. */
function nearest(from: Position, locations: Geometry[]): { location: Geometry; metres: number } | undefined {
  let best: { location: Geometry; metres: number } | undefined
  for (const location of locations) {
    const metres = angleTo(from, location) * EARTH_RADIUS_M
    if (!best || metres < best.metres) best = { location, metres }
  }
  return best
}

function pointOf(value: unknown, what: string): Position {
  if (!isGeometry(value) || value.type !== 'Point') throw queryFailed(`${what} must be a GeoJSON Point`)
  return value.coordinates
}

function metresOption(value: unknown, name: string, otherwise: number): number {
  if (value === undefined || value === null) return otherwise
  if (typeof value !== 'number' || !(value >= 0)) throw queryFailed(`${name} must be a non-negative number`)
  return value
}

interface Near {
  center: Position
  min: number
  max: number
}

function nearSphere(value: AnyObject): Near {
  return {
    center: pointOf(value?.$geometry, '$nearSphere: $geometry'),
    min: metresOption(value?.$minDistance, '$minDistance', 0),
    max: metresOption(value?.$maxDistance, '$maxDistance', Infinity),
  }
}

function withinTest(value: AnyObject): (location: Geometry) => boolean {
  if (value?.$centerSphere !== undefined) {
    const [center, radius] = Array.isArray(value.$centerSphere) ? value.$centerSphere : []
    const valid =
      Array.isArray(center) && center.length === 2 && center.every((n) => typeof n === 'number') && radius >= 0
    if (!valid) throw queryFailed('$centerSphere must be [[longitude, latitude], radius in radians]')
    // A spherical cap smaller than a hemisphere is convex, so a shape is inside when its vertices are.
    return (location) =>
      positionsOf(location).every((position) => distance(center, position, { units: 'radians' }) <= radius)
  }
  const area = value?.$geometry
  if (!isGeometry(area) || (area.type !== 'Polygon' && area.type !== 'MultiPolygon')) {
    throw queryFailed('$geoWithin needs $geometry as a GeoJSON Polygon or MultiPolygon, or $centerSphere')
  }
  return (location) => partsOf(location).every((part) => booleanWithin(part, area))
}

export const geoQueryOperators: Record<string, QueryOperator> = {
  $nearSphere: (selector, value) => {
    const { center, min, max } = nearSphere(value as AnyObject)
    return (doc) => {
      const found = nearest(center, locationsAt(doc, selector))
      return !!found && found.metres >= min && found.metres <= max
    }
  },
  $geoWithin: (selector, value) => {
    const within = withinTest(value as AnyObject)
    return (doc) => locationsAt(doc, selector).some(within)
  },
  $geoIntersects: (selector, value) => {
    const shape = (value as AnyObject)?.$geometry
    if (!isGeometry(shape)) throw queryFailed('$geoIntersects needs $geometry as a GeoJSON geometry')
    return (doc) => locationsAt(doc, selector).some((location) => booleanIntersects(location, shape))
  },
}

/** The `$nearSphere` condition of a query, at its top level or in a top-level `$and`. */
function nearCondition(query: AnyObject | undefined): { path: string; value: AnyObject } | undefined {
  for (const [key, condition] of Object.entries(query ?? {})) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const part of condition) {
        const found = nearCondition(part)
        if (found) return found
      }
    } else if (condition && typeof condition === 'object' && '$nearSphere' in condition) {
      return { path: key, value: condition.$nearSphere }
    }
  }
  return undefined
}

/**
 * MongoDB returns the documents of a `$nearSphere` query nearest first (an explicit sort overrides it):
 * the sorter for `query`, or undefined when it has no such condition.
 */
export function nearestFirst(query: AnyObject | undefined): (<T extends AnyObject>(docs: T[]) => T[]) | undefined {
  const condition = nearCondition(query)
  if (!condition) return undefined
  const { center } = nearSphere(condition.value)
  return (docs) =>
    docs
      .map((doc) => ({ doc, metres: nearest(center, locationsAt(doc, condition.path))?.metres ?? Infinity }))
      .sort((a, b) => a.metres - b.metres)
      .map(({ doc }) => doc)
}

const GEO_NEAR_OPTIONS = new Set([
  'near', 'distanceField', 'spherical', 'maxDistance', 'minDistance', 'query', 'key', 'includeLocs', 'distanceMultiplier',
])

/**
 * Without `key`, MongoDB uses the collection's only 2dsphere index. The local cloud declares no geo
 * indexes, so it uses the only field holding GeoJSON.
 */
function geoField(docs: AnyObject[]): string | undefined {
  const paths = new Set<string>()
  const visit = (value: unknown, path: string) => {
    if (isGeometry(value) || (Array.isArray(value) && value.some(isGeometry))) paths.add(path)
    else if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      for (const [key, inner] of Object.entries(value)) visit(inner, path ? `${path}.${key}` : key)
    }
  }
  for (const doc of docs) visit(doc, '')
  if (paths.size > 1) {
    throw queryFailed(`$geoNear: more than one field holds GeoJSON (${[...paths].join(', ')}); choose one with key`)
  }
  return [...paths][0]
}

/**
 * The `$geoNear` stage: the documents within [minDistance, maxDistance] metres of `near` that match
 * `query`, nearest first, each with its distance (times distanceMultiplier) in `distanceField` and,
 * with includeLocs, the location it was measured to.
 */
export const $geoNear: PipelineOperator = (collection, stage, options) => {
  const expr = stage as AnyObject
  if (!expr || typeof expr !== 'object' || Array.isArray(expr)) throw queryFailed('$geoNear must be an object')
  const unknown = Object.keys(expr).find((key) => !GEO_NEAR_OPTIONS.has(key))
  if (unknown) throw queryFailed(`unknown argument to $geoNear: ${unknown}`)
  const center = pointOf(expr.near, '$geoNear: near')
  if (typeof expr.distanceField !== 'string') throw queryFailed("$geoNear requires a 'distanceField' option as a String")
  const min = metresOption(expr.minDistance, 'minDistance', 0)
  const max = metresOption(expr.maxDistance, 'maxDistance', Infinity)
  const multiplier = metresOption(expr.distanceMultiplier, 'distanceMultiplier', 1)
  if (expr.key !== undefined && typeof expr.key !== 'string') throw queryFailed('$geoNear: key must be a string')
  const filter = expr.query ? new Query(expr.query, options) : undefined
  return collection.transform((input) => {
    const docs = input as AnyObject[]
    const key: string | undefined = expr.key ?? geoField(docs)
    if (key === undefined) return []
    const hits: Array<{ doc: AnyObject; location: Geometry; metres: number }> = []
    for (const doc of docs) {
      if (filter && !filter.test(doc)) continue
      const found = nearest(center, locationsAt(doc, key))
      if (found && found.metres >= min && found.metres <= max) hits.push({ doc, ...found })
    }
    hits.sort((a, b) => a.metres - b.metres)
    return hits.map(({ doc, location, metres }) => {
      setValue(doc, expr.distanceField, metres * multiplier)
      if (typeof expr.includeLocs === 'string') setValue(doc, expr.includeLocs, location)
      return doc
    })
  })
}
