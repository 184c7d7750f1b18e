// Helpers for caches of strings taken from plans.

/**
 * A copy of `text` that shares no memory with the string it may have been sliced from. The
 * extractor's strings are slices of the whole plan: a cache that kept one would keep the plan's
 * text alive.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * A bounded memo of a string function: the same few thousand issuer phrases, type words, numbers
 * and titles recur in every plan. Cleared when full. What it keeps is detached, so that it never
 * holds on to the text of a plan a key or an answer was sliced from.
 */
export function memo(fn: (text: string) => string, limit = 50_000): (text: string) => string {
  let cache = new Map<string, string>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= limit) cache = new Map();
      value = detach(fn(text));
      cache.set(detach(text), value);
    }
    return value;
  };
}
