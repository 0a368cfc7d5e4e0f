/** Waits until `check` passes, trying again every `every` ms; fails with its last error after `ms`. */
export async function eventually<T>(check: () => Promise<T>, ms = 60_000, every = 500): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, every));
    }
  }
}
