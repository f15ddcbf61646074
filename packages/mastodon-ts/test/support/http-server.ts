/** A bare node:http server on 127.0.0.1 for one test, for answers the scripted server cannot give (streams, raw bytes). */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Runs `run` with the server's URL, then closes the server and every connection left open.
 * `closed` resolves when the first answer's connection has ended (the client hung up).
 */
export async function withHttpServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  run: (url: string, closed: Promise<void>) => Promise<void>,
): Promise<void> {
  let markClosed = (): void => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const server = createServer((req, res) => {
    res.on("close", markClosed);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, closed);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
