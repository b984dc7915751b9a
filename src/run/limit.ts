/** The one p-limit wrapper: runs tasks with bounded concurrency; a rejected task becomes data, never a throw. */
import pLimit from 'p-limit';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Results in input order. */
export async function runLimited<I, T>(items: readonly I[], concurrency: number, task: (item: I) => Promise<T>): Promise<Settled<T>[]> {
  const limit = pLimit(Math.max(1, concurrency));
  return Promise.all(
    items.map((item) =>
      limit(async (): Promise<Settled<T>> => {
        try {
          return { ok: true, value: await task(item) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    ),
  );
}
