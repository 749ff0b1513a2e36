// A fake LiveKit RoomService over HTTP (Twirp JSON, what livekit-server-sdk's RoomServiceClient
// speaks): records every request (method, bearer token, JSON body) and answers like LiveKit —
// a participant that is not connected gets 404 not_found.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoomServiceRequest {
  /** The Twirp method, e.g. "UpdateParticipant". */
  method: string;
  /** The Authorization header's JWT (signed with the API secret). */
  token: string;
  body: Record<string, unknown>;
}

export interface FakeRoomService {
  /** ws://127.0.0.1:<port>, as LIVEKIT_URL would be. */
  url: string;
  requests: RoomServiceRequest[];
  /** Who is connected, per room (identity → published tracks). */
  connect(room: string, identity: string, tracks?: { sid: string; type: string }[]): void;
  disconnect(room: string, identity: string): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeRoomService(): Promise<FakeRoomService> {
  const requests: RoomServiceRequest[] = [];
  const rooms = new Map<string, Map<string, { sid: string; type: string }[]>>();
  const server: Server = createServer(async (req, res) => {
    const body = await readJson(req);
    const method = String(req.url ?? '').replace(/^\/twirp\/livekit\.RoomService\//, '');
    requests.push({ method, token: String(req.headers.authorization ?? '').replace(/^Bearer /, ''), body });
    const room = rooms.get(String(body.room ?? ''));
    const identity = String(body.identity ?? '');
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const needsParticipant = [
      'GetParticipant',
      'UpdateParticipant',
      'RemoveParticipant',
      'MutePublishedTrack',
    ];
    if (needsParticipant.includes(method) && !room?.has(identity)) {
      return reply(404, { code: 'not_found', msg: 'participant not found' });
    }
    switch (method) {
      case 'GetParticipant':
      case 'UpdateParticipant':
        return reply(200, { identity, tracks: room?.get(identity) ?? [], permission: body.permission ?? {} });
      case 'RemoveParticipant':
        room?.delete(identity);
        return reply(200, {});
      case 'MutePublishedTrack':
        return reply(200, { track: { sid: body.track_sid ?? body.trackSid, muted: true } });
      default:
        return reply(404, { code: 'bad_route', msg: `no fake for ${method}` });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    requests,
    connect(room, identity, tracks = []) {
      if (!rooms.has(room)) rooms.set(room, new Map());
      rooms.get(room)?.set(identity, tracks);
    },
    disconnect(room, identity) {
      rooms.get(room)?.delete(identity);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
