/**
 * A value shared by every copy of a module in this process. Astro loads the integrations and
 * the page build's bundle separately, so module-level state is not shared between them.
 */
export function processSlot<T>(name: string): { get(): T | undefined; set(value: T | undefined): void } {
  const key = Symbol.for(`ban-tin.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    get: () => holder[key],
    set: (value) => {
      holder[key] = value;
    },
  };
}
