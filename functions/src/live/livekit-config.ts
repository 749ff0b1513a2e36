// LiveKit configuration lives in lib/livekit-config.ts (live rooms and exchange call rooms share it).
export * from '../lib/livekit-config';
