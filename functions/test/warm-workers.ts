// The Functions emulator runs each concurrent request of a function in its own worker process and
// starts a worker when none is idle. Twenty simultaneous deliveries to a cold function start
// twenty Node processes at once, which on a loaded 2-core machine can take longer than the
// emulator waits for a worker to load ("Failed to load function.", the request then hangs). A test
// about concurrency in the HANDLER first brings the pool up in waves, with requests the function
// answers at once (a GET: 405), so the burst under test finds its workers idle.
export async function warmWorkers(url: string, count: number, waves: readonly number[] = [3, 6, 10, 15]) {
  for (const size of [...waves.filter((n) => n < count), count]) {
    await Promise.all(
      Array.from({ length: size }, () =>
        fetch(url, { method: 'GET', signal: AbortSignal.timeout(280_000) })
          .then((r) => r.text())
          .catch(() => undefined),
      ),
    );
  }
}
