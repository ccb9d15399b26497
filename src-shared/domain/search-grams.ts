/**
 * Tokens of the short-query index (`entity_short_search`): every 2-character window plus the last character, so a
 * 2-character query is one token lookup and a 1-character one a prefix lookup. FTS5 `ascii` splits on ASCII punctuation
 * and space, so windows holding them are left out and such queries scan instead (shortQueryToken).
 */

/** Whether the text holds a character the `ascii` tokenizer separates on (everything ASCII but letters and digits). */
function hasAsciiSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (c < 0x80 && !alnum) return true;
  }
  return false;
}

export function shortGrams(texts: readonly (string | null | undefined)[]): string {
  const tokens: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    const chars = Array.from(text);
    for (let i = 0; i + 1 < chars.length; i++) {
      const gram = chars[i] + chars[i + 1];
      if (!hasAsciiSeparator(gram)) tokens.push(gram);
    }
    const last = chars[chars.length - 1];
    if (!hasAsciiSeparator(last)) tokens.push(last);
  }
  return tokens.join(' ');
}

/**
 * The FTS5 query for a 1- or 2-character search text on the short index, or null when the text holds a
 * separator character (the index cannot answer it; the caller scans).
 */
export function shortQueryToken(text: string): string | null {
  const chars = Array.from(text);
  if (chars.length < 1 || chars.length > 2 || hasAsciiSeparator(text)) return null;
  return chars.length === 2 ? `"${text}"` : `"${text}" *`;
}
