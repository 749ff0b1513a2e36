// The baseline for the chat round trip: a minimal Socket.IO relay, the design of the seed
// project — one room per exchange, a message emitted by one participant is forwarded to the
// others in the room. No auth, no rules, no storage, no offline queue: only the transport.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';

export interface RelayMessage {
  id: string;
  exchangeId: string;
  senderId: string;
  text: string;
  sentAt: number;
}

export interface Relay {
  url: string;
  close(): Promise<void>;
}

/** Starts the relay on 127.0.0.1 (a free port). */
export async function startRelay(): Promise<Relay> {
  const http = createServer();
  const server = new Server(http, { serveClient: false });
  server.on('connection', (socket) => {
    socket.on('join', (exchangeId: string, ack?: () => void) => {
      void socket.join(`exchange:${exchangeId}`);
      ack?.();
    });
    socket.on('message', (message: RelayMessage) => {
      socket.to(`exchange:${message.exchangeId}`).emit('message', message);
    });
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        void server.close(() => resolve());
      }),
  };
}

/** A client connected over WebSocket and joined to the exchange's room. */
export async function relayClient(url: string, exchangeId: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  await new Promise<void>((resolve) => socket.emit('join', exchangeId, resolve));
  return socket;
}
