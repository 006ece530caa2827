import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Raw partner files and agreement PDFs are encrypted at rest with AES-256-GCM in 64 KiB segments,
 * so a reader verifies each segment before releasing its bytes and never holds a whole file.
 * File: MAGIC | salt(16) | segments; segment: length(4) | ciphertext | tag(16). The per-file key is
 * HKDF(master, salt); each segment's IV is its index, and the last segment is bound as final, so
 * reordering, truncation and tampering are all detected.
 */
const MAGIC = Buffer.from('CTDCENC1');
const SEGMENT = 64 * 1024;
const TAG = 16;

function fileKey(master: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, salt, 'ctdc-blob-v1', 32));
}

function iv(index: number): Buffer {
  const buf = Buffer.alloc(12);
  buf.writeUIntBE(index, 6, 6);
  return buf;
}

const aad = (index: number, final: boolean) => Buffer.from(`${index}:${final ? 'final' : 'more'}`);

export class EncryptStream extends Transform {
  private readonly key: Buffer;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;

  constructor(master: Buffer) {
    super();
    const salt = randomBytes(16);
    this.key = fileKey(master, salt);
    this.push(Buffer.concat([MAGIC, salt]));
  }

  private seal(plain: Buffer, final: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.key, iv(this.index));
    cipher.setAAD(aad(this.index, final));
    const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    this.push(Buffer.concat([len, body]));
    this.index++;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // Keep at least one byte back so the last segment is always sealed as final in _flush.
    while (this.pendingBytes > SEGMENT) {
      const all = Buffer.concat(this.pending);
      this.seal(all.subarray(0, SEGMENT), false);
      const rest = all.subarray(SEGMENT);
      this.pending = [rest];
      this.pendingBytes = rest.length;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.seal(Buffer.concat(this.pending), true);
    done();
  }
}

export class DecryptStream extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  private key: Buffer | null = null;
  private index = 0;
  private sawFinal = false;

  constructor(private readonly master: Buffer) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    try {
      if (!this.key) {
        if (this.buffer.length < MAGIC.length + 16) return done();
        if (!this.buffer.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an encrypted blob');
        this.key = fileKey(this.master, this.buffer.subarray(MAGIC.length, MAGIC.length + 16));
        this.buffer = this.buffer.subarray(MAGIC.length + 16);
      }
      while (this.buffer.length >= 4) {
        const len = this.buffer.readUInt32BE(0);
        if (this.buffer.length < 4 + len) break;
        this.open(this.buffer.subarray(4, 4 + len));
        this.buffer = this.buffer.subarray(4 + len);
      }
      done();
    } catch (err) {
      done(new Error(`Encrypted file is damaged or was altered (${(err as Error).message})`));
    }
  }

  private open(body: Buffer): void {
    if (this.sawFinal) throw new Error('data after the final segment');
    const tag = body.subarray(body.length - TAG);
    const data = body.subarray(0, body.length - TAG);
    // The final flag is not stored: try "more" first, then "final".
    for (const final of [false, true]) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', this.key!, iv(this.index));
        decipher.setAAD(aad(this.index, final));
        decipher.setAuthTag(tag);
        const plain = Buffer.concat([decipher.update(data), decipher.final()]);
        this.sawFinal = final;
        this.index++;
        this.push(plain);
        return;
      } catch {
        /* try the other flag */
      }
    }
    throw new Error(`segment ${this.index} failed authentication`);
  }

  override _flush(done: TransformCallback): void {
    if (!this.sawFinal || this.buffer.length) return done(new Error('Encrypted file is truncated'));
    done();
  }
}
