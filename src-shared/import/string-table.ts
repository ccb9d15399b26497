/**
 * An append-only table of many strings in little memory: joined into large chunks and read back as slices, a string
 * costs its characters plus 4 bytes, not a heap object. For .xlsx shared strings, millions at a million roster rows,
 * which as separate strings did not fit the import worker's heap (docs/performance.md).
 */
const CHUNK_CHARS = 1 << 20;

export class CompactStringTable {
  private readonly chunks: string[] = [];
  /** Index of the first string of each sealed chunk. */
  private readonly chunkFirst: number[] = [];
  /** Offset of string i inside its chunk (or inside the pending chunk). */
  private starts = new Uint32Array(1024);
  private pending: string[] = [];
  private pendingChars = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(text: string): void {
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = this.pendingChars;
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= CHUNK_CHARS) this.seal();
  }

  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const pendingFirst = this.count - this.pending.length;
    if (index >= pendingFirst) return this.pending[index - pendingFirst];
    let lo = 0;
    let hi = this.chunkFirst.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunkFirst[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    const chunk = this.chunks[lo];
    const nextChunkFirst = lo + 1 < this.chunkFirst.length ? this.chunkFirst[lo + 1] : pendingFirst;
    const end = index + 1 < nextChunkFirst ? this.starts[index + 1] : chunk.length;
    return chunk.slice(this.starts[index], end);
  }

  private seal(): void {
    this.chunkFirst.push(this.count - this.pending.length);
    this.chunks.push(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }
}
