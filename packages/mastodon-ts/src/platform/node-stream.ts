/**
 * Event streams (SSE) over node:http / node:https. Node's fetch hands a body over through web
 * streams, chunk by chunk, and that costs about a quarter of a busy stream's time; a node:http
 * response decoding UTF-8 itself (setEncoding) does not. The stream's socket is its own, not one
 * of the keep-alive pool's: it lives as long as the stream. Redirects are followed as fetch does.
 * No compression is asked for, so events arrive as they are sent, never held in a compressor.
 */
import { builtin } from "./builtins.js";
import type { OpenTextStream, TextStreamResponse } from "../core/transport.js";
import { MAX_REDIRECTS, redirectHop } from "./redirects.js";

interface NodeIncoming extends AsyncIterable<string> {
  statusCode?: number;
  statusMessage?: string;
  headers: Record<string, string | string[] | undefined>;
  setEncoding(encoding: "utf8"): unknown;
  resume(): unknown;
}

interface NodeHttp {
  request(url: string, options: { method: "GET"; headers: Record<string, string>; signal: AbortSignal; agent: false }, callback: (response: NodeIncoming) => void): {
    on(event: "error", listener: (error: Error) => void): unknown;
    end(): unknown;
  };
}

async function readAll(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

function open(url: string, headers: Record<string, string>, signal: AbortSignal, hopsLeft: number): Promise<TextStreamResponse> {
  return new Promise<TextStreamResponse>((resolve, reject) => {
    const module = builtin(url.startsWith("https:") ? "node:https" : "node:http") as NodeHttp | undefined;
    if (!module) {
      reject(new Error("node:http is not available"));
      return;
    }
    const outgoing = module.request(url, { method: "GET", headers, signal, agent: false }, (incoming) => {
      const hop = redirectHop(incoming.statusCode ?? 0, incoming.headers.location, url, "GET", headers, hopsLeft);
      if (hop) {
        incoming.resume();
        if (hop instanceof Error) reject(hop);
        else resolve(open(hop.url, hop.headers, signal, hopsLeft - 1));
        return;
      }
      incoming.setEncoding("utf8");
      resolve({
        status: incoming.statusCode ?? 0,
        statusText: incoming.statusMessage ?? "",
        chunks: incoming,
        text: () => readAll(incoming),
      });
    });
    // Before the answer this rejects the open; after it, the body's reader sees the failure itself.
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** Opens a GET whose answer is read as text as it arrives; aborting `signal` closes the socket. */
export const nodeTextStream: OpenTextStream = (url, headers, signal) => open(url, headers, signal, MAX_REDIRECTS);
