import cloud from 'wx-server-sdk'
import type { ShippingInfoRequest } from '../../src/core/shipping'
import './database'

/**
 * The adapters for WeChat's open API and cloud storage: the only files besides database.ts that call
 * wx-server-sdk for them, so the use cases see plain functions.
 */

/** A 小程序码 PNG opening `page` with `scene` (≤ 32 characters, resolved by the page through the server). */
export async function miniProgramCode(page: string, scene: string): Promise<Buffer> {
  const answer = (await cloud.openapi.wxacode.getUnlimited({ page, scene, checkPath: false, width: 430 })) as { buffer: Buffer }
  return answer.buffer
}

/** Stores a file in cloud storage and answers its fileID. */
export async function storeFile(cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string }
  return fileID
}

/** A temporary https URL for a stored file (the H5 build cannot show `cloud://` ids; WeChat can). */
export async function temporaryUrl(fileID: string): Promise<string> {
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL?: string; status?: number }> }
  const url = fileList[0]?.tempFileURL
  if (!url) throw new Error(`no temporary URL for ${fileID}`)
  return url
}

/** WeChat's answer to a shipping report. */
export type ShippingReportAnswer = OpenApiAnswer

/**
 * Reports a shipment to WeChat's 发货信息管理 (`upload_shipping_info`). A refusal and a call that got no
 * answer are both answers here, never throws: the caller keeps the report pending and tries again.
 */
export function uploadShippingInfo(request: ShippingInfoRequest): Promise<ShippingReportAnswer> {
  return openApiAnswer(() => cloud.openapi.wxa.sec.order.uploadShippingInfo(request))
}

/** WeChat's answer to an API call: accepted, or refused with its errcode (0: no answer came). */
export type OpenApiAnswer = { accepted: true } | { accepted: false; errcode: number; errmsg: string }

/** Calls an open API; a refusal and a call that got no answer are both answers here, never throws. */
async function openApiAnswer(call: () => Promise<unknown>): Promise<OpenApiAnswer> {
  try {
    await call()
    return { accepted: true }
  } catch (error) {
    const { errCode, errMsg, message } = error as { errCode?: unknown; errMsg?: string; message?: string }
    return { accepted: false, errcode: typeof errCode === 'number' ? errCode : 0, errmsg: String(errMsg ?? message ?? error) }
  }
}

/** A subscription message (`subscribeMessage.send`) to a user who accepted its template; opens `page` in the released version. */
export function sendSubscribeMessage(message: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<OpenApiAnswer> {
  return openApiAnswer(() => cloud.openapi.subscribeMessage.send({ ...message, miniprogramState: 'formal', lang: 'zh_CN' }))
}

/** A stored file's bytes; rejects when there is no such file. */
export async function readFile(fileID: string): Promise<Buffer> {
  const { fileContent } = (await cloud.downloadFile({ fileID })) as { fileContent: Buffer }
  return fileContent
}
