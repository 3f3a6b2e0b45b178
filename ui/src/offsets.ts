// Claim offsets are UTF-8 byte offsets into the article text (the core's contract), while
// the DOM counts UTF-16 code units. This module is the one place that converts between them.

export class ArticleOffsets {
  /** `byteAt[i]` is the UTF-8 byte offset of UTF-16 index `i`; one extra entry for the end. */
  private readonly byteAt: Uint32Array;

  constructor(readonly text: string) {
    this.byteAt = new Uint32Array(text.length + 1);
    let bytes = 0;
    for (let index = 0; index < text.length; index += 1) {
      this.byteAt[index] = bytes;
      const unit = text.charCodeAt(index);
      if (unit < 0x80) {
        bytes += 1;
      } else if (unit < 0x800) {
        bytes += 2;
      } else if (unit >= 0xd800 && unit <= 0xdbff) {
        // A high surrogate starts a 4-byte character; its low half adds nothing more.
        bytes += 4;
        if (index + 1 < text.length) {
          this.byteAt[index + 1] = bytes;
          index += 1;
        }
      } else {
        bytes += 3;
      }
    }
    this.byteAt[text.length] = bytes;
  }

  get byteLength(): number {
    return this.byteAt[this.text.length] ?? 0;
  }

  toByte(utf16Index: number): number {
    const clamped = Math.max(0, Math.min(utf16Index, this.text.length));
    return this.byteAt[clamped] ?? 0;
  }

  /** The UTF-16 index of a byte offset; an offset inside a character maps to its start. */
  toUtf16(byteOffset: number): number {
    let low = 0;
    let high = this.text.length;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.byteAt[middle] ?? 0) <= byteOffset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  /** The text between two byte offsets. */
  slice(startByte: number, endByte: number): string {
    return this.text.slice(this.toUtf16(startByte), this.toUtf16(endByte));
  }
}
