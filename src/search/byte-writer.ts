// A growable output buffer for assembling JSON from byte slices and short ASCII pieces without intermediate
// strings or many small Buffers.

/** Appends bytes to one buffer, doubling it when full. */
export class ByteWriter {
  private buf: Buffer;
  private used = 0;

  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(Math.max(64, capacity));
  }

  /** Makes room for `n` more bytes and returns the buffer to write them into at `length`. */
  reserve(n: number): Buffer {
    if (this.used + n > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + n));
      this.buf.copy(grown, 0, 0, this.used);
      this.buf = grown;
    }
    return this.buf;
  }

  /** Bytes written so far; `advance` after writing into `reserve`'s buffer. */
  get length(): number {
    return this.used;
  }
  advance(n: number): void {
    this.used += n;
  }

  /** Appends `source[start, end)`. */
  copy(source: Buffer, start: number, end: number): void {
    this.reserve(end - start);
    this.used += source.copy(this.buf, this.used, start, end);
  }

  /** Appends text as UTF-8. */
  text(text: string): void {
    this.reserve(Buffer.byteLength(text));
    this.used += this.buf.write(text, this.used, "utf8");
  }

  /** The bytes written (a view of the writer's buffer). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.used);
  }
}
