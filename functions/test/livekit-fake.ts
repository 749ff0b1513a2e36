// A fake LiveKit server at the HTTP boundary: answers the Twirp calls livekit-server-sdk's
// EgressClient makes (POST /twirp/livekit.Egress/<Method>, JSON), records each call with the grants
// of its bearer token, and can be told to fail the next call. Point the real client at `url`.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeLiveKitCall {
  method: string;
  body: Record<string, unknown>;
  /** The `video` grants of the request's bearer token (LiveKit checks roomRecord for egress). */
  grants: Record<string, unknown>;
  /** The token's issuer: the API key the client signed with. */
  apiKey: string;
}

export interface FakeLiveKit {
  /** ws:// like LIVEKIT_URL (the SDK turns it into http://). */
  url: string;
  calls: FakeLiveKitCall[];
  /** The next call answers this HTTP status with a Twirp error. */
  failNext(status: number): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function jwtPayload(authorization: string | undefined): Record<string, unknown> {
  const token = (authorization ?? '').replace(/^Bearer\s+/i, '');
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return {};
  }
}

export async function startFakeLiveKit(): Promise<FakeLiveKit> {
  const calls: FakeLiveKitCall[] = [];
  let failStatus = 0;
  let egressCount = 0;
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const method = (req.url ?? '').replace(/^\/twirp\/livekit\.Egress\//, '');
    const payload = jwtPayload(req.headers.authorization);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    calls.push({
      method,
      body,
      grants: (payload.video as Record<string, unknown>) ?? {},
      apiKey: String(payload.iss ?? ''),
    });
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (failStatus) {
      const status = failStatus;
      failStatus = 0;
      return reply(status, { code: status >= 500 ? 'internal' : 'invalid_argument', msg: 'fake failure' });
    }
    if (method === 'StartRoomCompositeEgress') {
      egressCount += 1;
      return reply(200, {
        egressId: `EG_fake${egressCount}`,
        roomName: body.roomName,
        status: 'EGRESS_STARTING',
      });
    }
    if (method === 'StopEgress') {
      return reply(200, { egressId: body.egressId, status: 'EGRESS_ENDING' });
    }
    return reply(404, { code: 'bad_route', msg: `no such method ${method}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    calls,
    failNext: (status) => {
      failStatus = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
