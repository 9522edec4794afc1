/**
 * What the request log line needs to know from inside the application: the request's ID (set by the custom
 * server) and the partner it served (noted by `inPartnerScope`). An AsyncLocalStorage kept on globalThis, since
 * the custom server and the Next.js bundles each load their own copy of this module.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestStore {
  requestId: string;
  partnerId: number | null;
}

const holder = globalThis as unknown as { partnerConsoleRequestStorage?: AsyncLocalStorage<RequestStore> };
export const requestStorage = (holder.partnerConsoleRequestStorage ??= new AsyncLocalStorage<RequestStore>());

export function currentRequest(): RequestStore | undefined {
  return requestStorage.getStore();
}

/** Notes the partner the current request works for (its log line carries it). */
export function notePartner(partnerId: number): void {
  const store = requestStorage.getStore();
  if (store) store.partnerId = partnerId;
}
