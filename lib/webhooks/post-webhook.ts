import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { publicAddressesOf } from "./address-guard";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface PostResult {
  statusCode: number | null;
  durationMs: number;
  error: string;
}

/**
 * POSTs a signed webhook. The connection goes to the address that was checked
 * (a lookup hook answers with it), so a name cannot resolve to a public
 * address for the check and a private one for the request (DNS rebinding).
 * Redirects are not followed. Any answer is a result; only 2xx counts as delivered.
 */
export async function postWebhook(url: string, headers: Record<string, string>, body: string): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const target = new URL(url);
    const [checked] = await publicAddressesOf(target.hostname);
    const pinned: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all)
        (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [checked]);
      else callback(null, checked.address, checked.family);
    };
    const client = target.protocol === "https:" ? https : http;
    const statusCode = await new Promise<number>((resolve, reject) => {
      const request = client.request(
        target,
        {
          method: "POST",
          lookup: pinned,
          timeout: WEBHOOK_TIMEOUT_MS,
          headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (response) => {
          response.resume(); // the body is not read: the status says it all
          response.on("end", () => resolve(response.statusCode ?? 0));
          response.on("error", reject);
        },
      );
      request.on("timeout", () => request.destroy(new Error(`No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s.`)));
      request.on("error", reject);
      request.end(body);
    });
    return {
      statusCode,
      durationMs: elapsed(),
      error: statusCode >= 200 && statusCode < 300 ? "" : `HTTP ${statusCode}`,
    };
  } catch (error) {
    return { statusCode: null, durationMs: elapsed(), error: (error as Error).message.slice(0, 500) };
  }
}
