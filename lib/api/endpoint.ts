import type { z } from "zod";
import type { ApiScope } from "@/lib/api-clients/scopes";
import type { RequestContext } from "@/lib/context";
import type { RateGroup } from "./rate-limit";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

type AnyObject = z.ZodType<Record<string, unknown>>;

/**
 * One REST endpoint: what it accepts (zod schemas that validate the request and generate the OpenAPI document),
 * who may call it, and what it does. Route files under app/api only hand these to `apiRoute`.
 */
export interface Endpoint<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject, B extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** OpenAPI form: `/api/managed_users/{managed_user_id}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  scope: ApiScope;
  rateGroup: RateGroup;
  params?: P;
  query?: Q;
  body?: B;
  /** A file as the whole body (a CSV import), read up to `maxBytes` and handed to the handler as bytes. */
  upload?: { contentType: string; maxBytes: number };
  /** The shape of a successful answer, for the document. */
  response: z.ZodType;
  status?: 200 | 201;
  handler: (ctx: RequestContext, input: { params: z.output<P>; query: z.output<Q>; body: z.output<B>; upload?: Uint8Array; url: URL }) => Promise<unknown>;
}

export function defineEndpoint<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject, B extends z.ZodType = z.ZodType>(
  endpoint: Endpoint<P, Q, B>,
): Endpoint<P, Q, B> {
  return endpoint;
}

/** A type-erased endpoint, for registries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEndpoint = Endpoint<any, any, any>;
