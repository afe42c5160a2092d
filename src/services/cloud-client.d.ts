// Taro resolves `./cloud-client` to cloud-client.weapp.ts or cloud-client.h5.ts at build time;
// this declaration is what TypeScript sees, and both platform files are checked against it.
import type { CloudClientFactory } from './cloud'

export declare const createCloudClient: CloudClientFactory
