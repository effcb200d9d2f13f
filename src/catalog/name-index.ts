import { bitCount, characterMask, editDistance } from "./distance.js";
import { nameWords, normalizeName } from "./normalize.js";

/** A name an item answers to; `primary` marks its id, code or display name (ranked before aliases). */
export interface IndexedName {
  text: string;
  primary: boolean;
}

/** Exact, autocomplete and "did you mean" lookups over the names of a fixed list of items. */
export interface NameIndex<T> {
  resolve(query: string): T | undefined;
  search(query: string, limit: number): T[];
  suggest(query: string, limit: number): T[];
}

interface Key {
  key: string;
  item: number;
  primary: boolean;
  /** A single word of a longer name, matched with a lower rank than a whole name. */
  word: boolean;
  /** Characters of the key, to skip keys that cannot be within reach of a typo (see fuzzy). */
  mask: number;
}

// Rank tiers of an autocomplete match, best first: what people type is the start of a name, then
// of a word in it, then of an alias; the middle of a name and typos come last and only when asked.
const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIX = 2;
const ALIAS_PREFIX = 3;
const SUBSTRING = 4;
const FUZZY = 5;
const MAX_FUZZY_LENGTH = 64;
/** Autocomplete adds typo matches only when fewer whole matches than this were found. */
const FUZZY_FILL = 5;
/**
 * Shortest query matched inside names, or by typos. Two or three letters are inside or one typo away
 * from dozens of names ("tw" in NatWest, "ger" from Peru): that is noise, not help.
 */
const MIN_LOOSE_LENGTH = 4;

/**
 * Builds the indexes: a map of whole normalised names for exact lookups at once, and on the first
 * search or suggestion every key (whole names and their words) sorted, so a prefix is a binary
 * search. The second part waits because a one-shot `outage-bot ask` resolves a name or two and
 * never searches. Items whose names normalise alike are the caller's to prevent; here the first one
 * keeps the name.
 */
export function createNameIndex<T>(
  items: readonly T[],
  namesOf: (item: T) => readonly IndexedName[],
  compare: (a: T, b: T) => number,
): NameIndex<T> {
  const exact = new Map<string, number>();
  const names = items.map((item, index) => {
    const own = namesOf(item).map((name) => ({ ...name, key: normalizeName(name.text) }));
    for (const { key } of own) if (key.length > 0 && !exact.has(key)) exact.set(key, index);
    return own;
  });
  let built: { keys: Key[]; sorted: Key[]; inOrder: T[]; positionOf: number[] } | undefined;
  const tables = () => {
    built ??= buildTables();
    return built;
  };

  function buildTables() {
    const keys: Key[] = [];
    names.forEach((itemNames, index) => {
      const own = new Set<string>();
      for (const { key, primary } of itemNames) {
        if (key.length === 0 || own.has(key)) continue;
        own.add(key);
        keys.push({ key, item: index, primary, word: false, mask: characterMask(key) });
      }
      // Words of multi-word names, unless the item already answers to that word as a whole name.
      for (const name of itemNames) {
        const words = nameWords(name.text);
        if (words.length < 2) continue;
        for (const word of words) {
          if (word.length < 2 || own.has(word)) continue;
          own.add(word);
          keys.push({ key: word, item: index, primary: name.primary, word: true, mask: characterMask(word) });
        }
      }
    });
    const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const rankOf = new Map<T, number>();
    const inOrder = [...items].sort(compare);
    for (const [position, item] of inOrder.entries()) rankOf.set(item, position);
    const positionOf = items.map((item) => rankOf.get(item) ?? 0);
    return { keys, sorted, inOrder, positionOf };
  }

  function firstAtOrAfter(prefix: string): number {
    const { sorted } = tables();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]!.key < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Best score per item, lower is better; then turned into a list in score, then name order. */
  function ranked(scores: Map<number, number>, limit: number): T[] {
    const { positionOf } = tables();
    return [...scores.entries()]
      .sort((a, b) => a[1] - b[1] || positionOf[a[0]]! - positionOf[b[0]]!)
      .slice(0, Math.max(0, limit))
      .map(([index]) => items[index]!);
  }

  function keep(scores: Map<number, number>, item: number, score: number): void {
    const old = scores.get(item);
    if (old === undefined || score < old) scores.set(item, score);
  }

  /** Keys within a few typos of the query, whole or as the start of a longer key. */
  function fuzzy(query: string, scores: Map<number, number>, base: number, strict: boolean): void {
    // Queries longer than any name cannot be a typo of one; also bounds the work per call.
    if (query.length > MAX_FUZZY_LENGTH) return;
    let max = query.length <= 2 ? 0 : query.length <= 4 ? 1 : query.length <= 7 ? 2 : 3;
    if (strict) max = Math.max(Math.min(max, 1), max - 1);
    const queryMask = characterMask(query);
    for (const entry of tables().keys) {
      // Each kind of character the query has and the key lacks needs an edit of its own.
      if (bitCount(queryMask & ~entry.mask) > max) continue;
      let distance = editDistance(query, entry.key, max);
      // A typo in the first part of a longer name ("micorsoft" for "Microsoft 365").
      if (entry.key.length > query.length && query.length >= 3) {
        const head = editDistance(query, entry.key.slice(0, query.length), max) + 0.5;
        distance = Math.min(distance, head);
      } else if (entry.key.startsWith(query)) {
        distance = Math.min(distance, 0.5);
      }
      if (distance > max + 0.5) continue;
      const score =
        base +
        distance +
        (entry.primary ? 0 : 0.1) +
        (entry.word ? 0.3 : 0) +
        Math.min(Math.abs(entry.key.length - query.length), 50) * 0.001;
      keep(scores, entry.item, score);
    }
  }

  return {
    resolve(query) {
      const index = exact.get(normalizeName(String(query)));
      return index === undefined ? undefined : items[index];
    },
    search(query, limit) {
      const wanted = normalizeName(String(query));
      const { sorted, keys, inOrder } = tables();
      if (wanted.length === 0) return inOrder.slice(0, Math.max(0, limit));
      const scores = new Map<number, number>();
      for (let i = firstAtOrAfter(wanted); i < sorted.length && sorted[i]!.key.startsWith(wanted); i++) {
        const entry = sorted[i]!;
        const tier = !entry.primary
          ? ALIAS_PREFIX
          : entry.key === wanted && !entry.word
            ? EXACT
            : entry.word
              ? WORD_PREFIX
              : PREFIX;
        // An alias typed in full ("twitter") is as good as the name: what was typed is what was meant.
        const score = !entry.primary && entry.key === wanted && !entry.word ? EXACT : tier;
        keep(scores, entry.item, score * 100 + Math.min(entry.key.length, 49));
      }
      if (scores.size < limit && wanted.length >= MIN_LOOSE_LENGTH) {
        for (const entry of keys) {
          if (entry.word || !entry.primary || !entry.key.includes(wanted)) continue;
          keep(scores, entry.item, SUBSTRING * 100 + Math.min(entry.key.length, 49));
        }
      }
      // Typo matches stand in for a missing or short list, and need enough typed to mean something:
      // with four letters only when nothing matched at all ("twit" offers no Nintendo Switch).
      const fill = wanted.length > MIN_LOOSE_LENGTH ? Math.min(limit, FUZZY_FILL) : 1;
      if (scores.size < fill && wanted.length >= MIN_LOOSE_LENGTH) {
        const fuzzyScores = new Map<number, number>();
        fuzzy(wanted, fuzzyScores, FUZZY * 100, true);
        for (const [item, score] of fuzzyScores) keep(scores, item, score);
      }
      return ranked(scores, limit);
    },
    suggest(query, limit) {
      const wanted = normalizeName(String(query));
      if (wanted.length === 0) return [];
      const scores = new Map<number, number>();
      fuzzy(wanted, scores, 0, false);
      return ranked(scores, limit);
    },
  };
}
