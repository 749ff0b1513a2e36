import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  codeCollections,
  collectionPath,
  compareDataModel,
  documentedCollections,
  rulesCollections,
  scanCode,
} from './data-model.mjs';

const rules = `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    function isOwner(uid) { return request.auth.uid == uid; }
    match /{document=**} { allow read: if false; }
    match /users/{uid} {
      allow read: if true;
      match /private/account { allow read: if isOwner(uid); }
      // match /commented/{out} { }
      match /pointEvents/{eventId} { allow read: if isOwner(uid); }
    }
    match /stats/{path=**} { allow read, write: if false; }
    match /{path=**}/registrations/{id} { allow list: if true; }
  }
}`;

describe('collectionPath', () => {
  it('keeps the collection ids of a path', () => {
    expect(collectionPath('users/{uid}/private/account')).toBe('users/private');
    expect(collectionPath('/courses/{courseId}/lectures/{lectureId}/faq/{faqId}')).toBe(
      'courses/lectures/faq',
    );
    // Paths as the code spells them in template literals.
    const placeholder = (name: string) => `\${${name}}`;
    expect(collectionPath(`stats/platform/appliedEvents/${placeholder('id')}`)).toBe('stats/appliedEvents');
    expect(collectionPath(`${placeholder('CYCLES')}/x`)).toBe('');
  });
});

describe('rulesCollections', () => {
  it('joins nested matches, skips comments and the admin catch-all, reads collection groups', () => {
    expect([...rulesCollections(rules)].sort()).toEqual([
      'registrations',
      'stats',
      'users',
      'users/pointEvents',
      'users/private',
    ]);
  });
});

describe('codeCollections', () => {
  it('reads Admin SDK paths and chains, the modular SDK and path tables, not imports or comments', () => {
    const admin = `import { x } from 'firebase-admin/firestore';
      // db.collection('commentedOut')
      db.collection('users').doc(uid).collection('private').doc('account');
      db.doc(\`liveSessions/\${id}/attendance/\${uid}\`);
      db.collectionGroup('registrations');`;
    expect([...codeCollections(admin)].sort()).toEqual([
      'attendance',
      'liveSessions',
      'private',
      'registrations',
      'users',
    ]);
    const web = `import { collection, doc } from 'firebase/firestore';
      export const paths = { entries: (uid: string) => \`earnings/\${uid}/entries\` };
      const ref = doc(db, 'courses', courseId, 'reviews', uid);
      const q = collection(db, 'notifications', uid, 'items');`;
    expect([...codeCollections(web, { pathLiterals: true })].sort()).toEqual([
      'courses',
      'earnings',
      'entries',
      'items',
      'notifications',
      'reviews',
    ]);
  });
});

describe('compareDataModel', () => {
  const doc = '# Data model\n## `users/{uid}`\n### `users/{uid}/private/account`\n### `oldThings/{id}`\n';
  it('names a collection the doc misses and one it describes that no longer exists', () => {
    const problems = compareDataModel({
      rules: new Set(['users', 'users/private', 'users/pointEvents']),
      code: new Map([['mailLog', new Set(['functions/src/notifications/notify.ts'])]]),
      documented: documentedCollections(doc),
    });
    expect(problems).toEqual([
      'firestore.rules matches users/pointEvents, which docs/data-model.md does not describe',
      'functions/src/notifications/notify.ts uses the collection "mailLog", which docs/data-model.md does not describe',
      'docs/data-model.md describes oldThings/{id}, but neither firestore.rules nor the code names "oldThings"',
    ]);
  });

  it('passes on the repository as it is', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const problems = compareDataModel({
      rules: rulesCollections(readFileSync(`${root}firestore.rules`, 'utf8')),
      code: scanCode(root),
      documented: documentedCollections(readFileSync(`${root}docs/data-model.md`, 'utf8')),
    });
    expect(problems).toEqual([]);
  });
});
