import Busboy from '@fastify/busboy'
import protobuf from 'protobufjs'

/**
 * The messages wx-server-sdk 4.x exchanges for `cloud.openapi.*` (action `wx.openApi`), with the
 * field numbers its bundled protobuf code uses. Only what the local cloud reads or writes is declared;
 * protobuf skips the rest.
 */
const PROTO = `
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message CommApiData { int32 apiType = 1; OpenApiData openapiData = 2; }
message CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3; uint32 httpCode = 4; }
`
const root = protobuf.parse(PROTO, { keepCase: true }).root
const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')

/** CommApiData.ApiType.OPEN_API: a WeChat HTTP API called by name (the other types are WeChat-internal). */
const OPEN_API = 0

export class MalformedRequest extends Error {}

/**
 * The parameters in `requestData` as WeChat receives them: the SDK's snake_case keys, each value
 * parsed from the JSON text the SDK sent (media parameters, sent with a content type, are raw bytes
 * and kept as a Buffer).
 */
export function decodeRequest(bytes: Buffer): Record<string, unknown> {
  let message: any
  try {
    message = CommApiData.toObject(CommApiData.decode(bytes), { defaults: true })
  } catch (error) {
    throw new MalformedRequest(`requestData is not a CommApiData message: ${(error as Error).message}`)
  }
  if (message.apiType !== OPEN_API) throw new MalformedRequest(`apiType ${message.apiType} is not OPEN_API`)
  const params: Record<string, unknown> = {}
  for (const pair of message.openapiData?.pairs ?? []) {
    const value = Buffer.from(pair.value)
    if (pair.contenttype) {
      params[pair.key] = value
      continue
    }
    try {
      params[pair.key] = JSON.parse(value.toString('utf8'))
    } catch {
      throw new MalformedRequest(`parameter ${pair.key} is not JSON`)
    }
  }
  return params
}

/** What WeChat answered, wrapped as the cloud hands it to the SDK. */
export function encodeResponse(answer: { contentType: string; body: Buffer }): Buffer {
  const message = CommOpenApiResp.create({ respData: answer.body, contentType: answer.contentType, httpCode: 200 })
  return Buffer.from(CommOpenApiResp.encode(message).finish())
}

/** The cloud's own refusal (not WeChat's): the SDK throws `{ errCode, errMsg: 'system error: error code: N' }`. */
export function encodeCloudError(errorCode: number): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ errorCode })).finish())
}

/**
 * The bytes of one binary multipart field. node-sdk sends `requestData` as a part with no file name,
 * which `Response.formData()` decodes as UTF-8 text, corrupting the protobuf (any byte over 0x7f, such
 * as a length of 128 or more). form-data labels a Buffer application/octet-stream, and busboy hands
 * such a part over as bytes.
 */
export function formFileBytes(body: Buffer, contentType: string, name: string): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    let found: Buffer | undefined
    const parser = new Busboy({ headers: { 'content-type': contentType } })
    parser.on('file', (field, stream) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (field === name) found = Buffer.concat(chunks)
      })
    })
    parser.on('finish', () => resolve(found))
    parser.on('error', reject)
    parser.end(body)
  })
}
