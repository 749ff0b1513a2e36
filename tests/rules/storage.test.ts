// storage.rules: avatars, course thumbnails and lecture media. Runs wherever the Storage emulator
// runs (scripts/with-emulators.mjs sets SV_STORAGE_EMULATOR=1 and firebase-tools sets
// FIREBASE_STORAGE_EMULATOR_HOST); these offline machines cannot run it, so there it is skipped.
import { assertFails, assertSucceeds, type TokenOptions } from '@firebase/rules-unit-testing';
import type firebase from 'firebase/compat/app';
import 'firebase/compat/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import { EDUCATOR, profile, profiles, seed, testEnv, useRulesTestEnv } from './helpers';

const hasStorageEmulator =
  process.env.SV_STORAGE_EMULATOR !== '0' &&
  Boolean(process.env.FIREBASE_STORAGE_EMULATOR_HOST) &&
  Boolean(process.env.FIRESTORE_EMULATOR_HOST);

const SUITE = hasStorageEmulator
  ? 'storage rules'
  : 'storage rules (skipped: no Storage emulator on this machine — it needs a jar firebase-tools must download)';

const MB = 1024 * 1024;

function storageAs(uid?: string, claims?: TokenOptions): firebase.storage.Storage {
  const env = testEnv();
  return (uid ? env.authenticatedContext(uid, claims) : env.unauthenticatedContext()).storage();
}

function upload(storage: firebase.storage.Storage, path: string, bytes: number, contentType: string) {
  return storage
    .ref(path)
    .put(new Uint8Array(bytes), { contentType })
    .then(() => undefined);
}

function read(storage: firebase.storage.Storage, path: string) {
  return storage.ref(path).getMetadata();
}

async function expectAllowed(request: Promise<unknown>): Promise<void> {
  await assertSucceeds(request);
}

async function expectDenied(request: Promise<unknown>): Promise<void> {
  const error = await assertFails(request);
  expect(error.code).toBe('storage/unauthorized');
}

/** Puts a file with the rules disabled (as a seed or the server would). */
async function seedFile(path: string, contentType: string): Promise<void> {
  await testEnv().withSecurityRulesDisabled(async (context) => {
    await context
      .storage()
      .ref(path)
      .put(new Uint8Array(16), { contentType })
      .then(() => undefined);
  });
}

describe.skipIf(!hasStorageEmulator)(SUITE, () => {
  useRulesTestEnv({ storage: true });

  beforeEach(async () => {
    await seed({
      ...profiles('alice', 'bob', 'inez', 'edna'),
      'users/sam': profile('sam', { status: 'suspended' }),
      'courses/c1': { instructorId: 'inez', title: 'Guitar', status: 'published' },
      'courses/c2': { instructorId: 'sam', title: 'Banned course', status: 'draft' },
      'courses/c3': { instructorId: 'inez', title: 'Paid course', status: 'published', price: 4900 },
      'courses/c3/lectures/l1': { title: 'Preview', preview: true },
      'courses/c3/lectures/l2': { title: 'Paid', preview: false },
      ...profiles('erin', 'rex', 'root'),
      'enrollments/c3_erin': { uid: 'erin', courseId: 'c3', status: 'active' },
      'enrollments/c3_rex': { uid: 'rex', courseId: 'c3', status: 'refunded' },
    });
    await seedFile('avatars/alice/me.png', 'image/png');
    await seedFile('courses/c1/thumbnails/cover.jpg', 'image/jpeg');
    await seedFile('courses/c1/media/intro.mp4', 'video/mp4');
    await seedFile('courses/c3/media/full.mp4', 'video/mp4');
    await seedFile('courses/c3/media/l1/intro.mp4', 'video/mp4');
    await seedFile('courses/c3/media/l2/lesson.mp4', 'video/mp4');
  });

  describe('avatars/{uid}/{file}', () => {
    it('lets anyone, signed out too, read an avatar', async () => {
      await expectAllowed(read(storageAs(), 'avatars/alice/me.png'));
    });

    it('lets the owner upload a raster image up to 1 MB (the resized WebP)', async () => {
      await expectAllowed(upload(storageAs('alice'), 'avatars/alice/new.webp', 20_000, 'image/webp'));
      await expectAllowed(upload(storageAs('alice'), 'avatars/alice/new.png', 1 * MB, 'image/png'));
    });

    it('denies an avatar over 1 MB, an SVG or anything not a raster image', async () => {
      await expectDenied(upload(storageAs('alice'), 'avatars/alice/big.png', 1 * MB + 1, 'image/png'));
      await expectDenied(upload(storageAs('alice'), 'avatars/alice/me.svg', 100, 'image/svg+xml'));
      await expectDenied(upload(storageAs('alice'), 'avatars/alice/page.html', 100, 'text/html'));
    });

    it('denies a deleted account uploading an avatar with its still-valid token', async () => {
      await seed({ 'users/dora': profile('dora', { deletedAt: new Date() }) });
      await expectDenied(upload(storageAs('dora'), 'avatars/dora/me.webp', 100, 'image/webp'));
    });

    it('denies uploading into someone else’s avatar folder', async () => {
      await expectDenied(upload(storageAs('bob'), 'avatars/alice/me.png', 100, 'image/png'));
      await expectDenied(upload(storageAs(), 'avatars/alice/me.png', 100, 'image/png'));
    });

    it('lets the owner delete their avatar, and denies others', async () => {
      await expectDenied(storageAs('bob').ref('avatars/alice/me.png').delete());
      await expectAllowed(storageAs('alice').ref('avatars/alice/me.png').delete());
    });

    it('denies a suspended user uploading an avatar', async () => {
      await expectDenied(upload(storageAs('sam'), 'avatars/sam/me.png', 100, 'image/png'));
    });
  });

  describe('courses/{courseId}/thumbnails/{file}', () => {
    it('lets anyone read a course thumbnail', async () => {
      await expectAllowed(read(storageAs(), 'courses/c1/thumbnails/cover.jpg'));
    });

    it('lets the course instructor upload an image up to 5 MB', async () => {
      await expectAllowed(
        upload(storageAs('inez', EDUCATOR), 'courses/c1/thumbnails/new.png', 5 * MB, 'image/png'),
      );
    });

    it('denies other educators uploading a thumbnail for the course', async () => {
      await expectDenied(
        upload(storageAs('edna', EDUCATOR), 'courses/c1/thumbnails/new.png', 100, 'image/png'),
      );
    });

    it('denies a thumbnail over 5 MB or not an image', async () => {
      await expectDenied(upload(storageAs('inez'), 'courses/c1/thumbnails/big.png', 5 * MB + 1, 'image/png'));
      await expectDenied(upload(storageAs('inez'), 'courses/c1/thumbnails/clip.mp4', 100, 'video/mp4'));
    });
  });

  describe('courses/{courseId}/media/{file}', () => {
    it('lets signed-in users read lecture media, and denies signed-out visitors', async () => {
      await expectAllowed(read(storageAs('bob'), 'courses/c1/media/intro.mp4'));
      await expectDenied(read(storageAs(), 'courses/c1/media/intro.mp4'));
    });

    it('lets the course instructor upload a video or a resource file', async () => {
      await expectAllowed(upload(storageAs('inez'), 'courses/c1/media/lesson.mp4', 1024, 'video/mp4'));
      await expectAllowed(upload(storageAs('inez'), 'courses/c1/media/notes.pdf', 1024, 'application/pdf'));
      await expectAllowed(upload(storageAs('inez'), 'courses/c1/media/l1/code.zip', 1024, 'application/zip'));
      await expectAllowed(upload(storageAs('inez'), 'courses/c1/media/l1/lesson.webm', 1024, 'video/webm'));
    });

    it('denies HTML, SVG or script as a resource', async () => {
      await expectDenied(upload(storageAs('inez'), 'courses/c1/media/l1/page.html', 100, 'text/html'));
      await expectDenied(upload(storageAs('inez'), 'courses/c1/media/l1/pic.svg', 100, 'image/svg+xml'));
    });

    it('denies other file types and other users uploading media', async () => {
      await expectDenied(
        upload(storageAs('inez'), 'courses/c1/media/script.js', 100, 'application/javascript'),
      );
      await expectDenied(
        upload(storageAs('edna', EDUCATOR), 'courses/c1/media/lesson.mp4', 100, 'video/mp4'),
      );
      await expectDenied(upload(storageAs('bob'), 'courses/c1/media/lesson.mp4', 100, 'video/mp4'));
    });

    it('denies a suspended instructor uploading media', async () => {
      await expectDenied(upload(storageAs('sam', EDUCATOR), 'courses/c2/media/lesson.mp4', 100, 'video/mp4'));
    });

    it('lets only the instructor, admins and learners with an active enrolment read paid media', async () => {
      await expectAllowed(read(storageAs('inez'), 'courses/c3/media/full.mp4'));
      await expectAllowed(read(storageAs('root', { admin: true }), 'courses/c3/media/full.mp4'));
      await expectAllowed(read(storageAs('erin'), 'courses/c3/media/l2/lesson.mp4'));
      await expectDenied(read(storageAs('bob'), 'courses/c3/media/full.mp4'));
      await expectDenied(read(storageAs('bob'), 'courses/c3/media/l2/lesson.mp4'));
      // A refunded enrolment no longer opens the media.
      await expectDenied(read(storageAs('rex'), 'courses/c3/media/l2/lesson.mp4'));
    });

    it('lets any signed-in user read a preview lecture’s media of a paid course', async () => {
      await expectAllowed(read(storageAs('bob'), 'courses/c3/media/l1/intro.mp4'));
      await expectDenied(read(storageAs(), 'courses/c3/media/l1/intro.mp4'));
    });

    it('lets only the instructor and admins list a course’s media folder', async () => {
      await expectAllowed(storageAs('inez').ref('courses/c3/media').listAll());
      await expectAllowed(storageAs('root', { admin: true }).ref('courses/c3/media').listAll());
      await expectDenied(storageAs('bob').ref('courses/c3/media').listAll());
      await expectDenied(storageAs('erin').ref('courses/c3/media').listAll());
    });

    // The 500 MB ceiling is the same `request.resource.size` check as the 5 MB one tested above;
    // pushing half a gigabyte through the emulator would only slow the suite down.
  });

  describe('everything else', () => {
    it('denies reads and writes outside the listed paths', async () => {
      await expectDenied(upload(storageAs('alice'), 'uploads/alice/file.png', 100, 'image/png'));
      await expectDenied(read(storageAs('alice'), 'courses/c1/other/x.png'));
    });
  });
});
