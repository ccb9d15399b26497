/**
 * The tokens of the short-query index (`entity_short_search`, migration 0002): every 2-character window of each
 * text and the text's last character, space-separated. With them a 2-character substring is one token lookup
 * and a 1-character substring is a prefix lookup (`x*` covers every position but the last; the lone last
 * character covers that one). The index's tokenizer is FTS5 `ascii`: space and ASCII punctuation separate
 * tokens, so a window holding ASCII punctuation or space is left out, and a query holding one is answered by a
 * scan instead (see shortQueryToken). Pure: used by the SQL function on write and by the query on read.
 */

/** ASCII characters the `ascii` tokenizer treats as separators (everything ASCII but letters and digits). */
const ASCII_SEPARATOR = /[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]/;

export function shortGrams(texts: readonly (string | null | undefined)[]): string {
  const tokens: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    const chars = Array.from(text);
    for (let i = 0; i + 1 < chars.length; i++) {
      const gram = chars[i] + chars[i + 1];
      if (!ASCII_SEPARATOR.test(gram)) tokens.push(gram);
    }
    const last = chars[chars.length - 1];
    if (!ASCII_SEPARATOR.test(last)) tokens.push(last);
  }
  return tokens.join(' ');
}

/**
 * The FTS5 query for a 1- or 2-character search text on the short index, or null when the text holds a
 * separator character (the index cannot answer it; the caller scans).
 */
export function shortQueryToken(text: string): string | null {
  const chars = Array.from(text);
  if (chars.length < 1 || chars.length > 2 || ASCII_SEPARATOR.test(text)) return null;
  return chars.length === 2 ? `"${text}"` : `"${text}" *`;
}
