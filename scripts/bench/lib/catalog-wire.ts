// A pass-through HTTP proxy in front of the Firestore emulator that counts the documents the server
// sends to the browser: every `documentChange` in a Listen stream response is one document read
// (the web SDK's getDoc, getDocs and onSnapshot all read through Listen streams). This is the
// server's side of the count, independent of how the SDK shares or repeats listeners.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireCounter {
  port: number;
  /** Documents sent since the last reset. */
  docs: () => number;
  reset: () => void;
  close: () => Promise<void>;
}

const MARK = '"documentChange"';

/** Counts `needle` in a stream of chunks, including matches split across two chunks. */
export function occurrenceCounter(needle: string): (chunk: string) => number {
  let tail = '';
  return (chunk) => {
    const text = tail + chunk;
    let n = 0;
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n += 1;
    tail = text.slice(Math.max(0, text.length - needle.length + 1));
    return n;
  };
}

export async function startWireCounter(target: { host: string; port: number }): Promise<WireCounter> {
  let docs = 0;
  const server: Server = createServer((req, res) => {
    // Ask for an uncompressed body so it can be scanned as it streams.
    const headers = { ...req.headers, host: `${target.host}:${target.port}`, 'accept-encoding': 'identity' };
    const upstream = request(
      { host: target.host, port: target.port, method: req.method, path: req.url, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        const count = req.url?.includes('/Listen/') ? occurrenceCounter(MARK) : null;
        up.on('data', (chunk: Buffer) => {
          if (count) docs += count(chunk.toString('utf8'));
          res.write(chunk);
        });
        up.on('end', () => res.end());
        up.on('error', () => res.destroy());
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
    res.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    docs: () => docs,
    reset: () => {
      docs = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
