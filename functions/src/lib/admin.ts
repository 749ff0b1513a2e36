// Admin SDK getters. index.ts calls initializeApp(); tests initialise their own app first.
import { type Auth, getAuth } from 'firebase-admin/auth';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';

export function db(): Firestore {
  return getFirestore();
}

export function adminAuth(): Auth {
  return getAuth();
}
