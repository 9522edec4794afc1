/**
 * A small seeded pseudo-random generator for the seeds. Seeds must produce the same rows on every run (so that
 * tests, screenshots and bug reports agree), which Math.random cannot give; mulberry32 is tiny, fast and good
 * enough for picking demo data.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [value: T, weight: number])[]): T;
  /** A shuffled copy; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items (all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /**
   * An independent generator keyed by `label`. Giving each part of a seed its own stream keeps the rest of the
   * data unchanged when one part starts drawing more or fewer numbers.
   */
  fork(label: string | number): Random;
}

/** FNV-1a: turns a textual seed into the 32-bit state mulberry32 starts from. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function createRandom(seed: string | number): Random {
  const seedText = String(seed);
  let state = hashSeed(seedText);

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(next() * (max - min + 1));
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("pick() from an empty list");
    return items[Math.floor(next() * items.length)]!;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };

  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, weight]) => sum + Math.max(weight, 0), 0);
      if (total <= 0) throw new RangeError("weighted() needs at least one positive weight");
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= Math.max(weight, 0);
        if (roll < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    shuffle,
    sample: (items, count) => shuffle(items).slice(0, Math.max(0, count)),
    fork: (label) => createRandom(`${seedText}/${label}`),
  };
}
