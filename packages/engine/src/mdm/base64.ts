const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));

/**
 * Strict standard base64 with canonical padding, as Rust's `base64` STANDARD engine decodes
 * it. Errors carry that crate's Display text.
 */
export function decodeBase64Strict(
  s: string,
): { ok: true; bytes: Uint8Array } | { ok: false; error: string } {
  let pad = 0;
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61 && pad < 3) {
    end--;
    pad++;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!VALUE.has(c) && !(c === 61 && i >= end))
      return { ok: false, error: `Invalid symbol ${c}, offset ${i}.` };
  }
  const data = end;
  if (data % 4 === 1) return { ok: false, error: "Invalid input length." };
  const needed = (4 - (data % 4)) % 4;
  if (pad !== needed) return { ok: false, error: "Invalid padding" };
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < data; i++) {
    acc = (acc << 6) | VALUE.get(s.charCodeAt(i))!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
      acc &= (1 << bits) - 1;
    }
  }
  if (acc !== 0) {
    const last = data - 1;
    return { ok: false, error: `Invalid last symbol ${s.charCodeAt(last)}, offset ${last}.` };
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** Fatal UTF-8 decoding with Rust's `FromUtf8Error` wording. */
export function decodeUtf8Strict(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; error: string } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, error: utf8ErrorText(bytes) };
  }
}

function utf8ErrorText(b: Uint8Array): string {
  let i = 0;
  while (i < b.length) {
    const x = b[i]!;
    let n = 0;
    let min = 0;
    if (x < 0x80) {
      i++;
      continue;
    } else if (x >= 0xc2 && x <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (x >= 0xe0 && x <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (x >= 0xf0 && x <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return `invalid utf-8 sequence of 1 bytes from index ${i}`;
    let cp = x & (0x3f >> n);
    let k = 1;
    for (; k <= n; k++) {
      const y = b[i + k];
      if (y === undefined) return `incomplete utf-8 byte sequence from index ${i}`;
      if ((y & 0xc0) !== 0x80) return `invalid utf-8 sequence of ${k} bytes from index ${i}`;
      cp = (cp << 6) | (y & 0x3f);
      // Rust rejects overlongs, surrogates and values above U+10FFFF at the offending byte.
      if (
        k === 1 &&
        ((x === 0xe0 && y < 0xa0) ||
          (x === 0xed && y > 0x9f) ||
          (x === 0xf0 && y < 0x90) ||
          (x === 0xf4 && y > 0x8f))
      ) {
        return `invalid utf-8 sequence of 1 bytes from index ${i}`;
      }
    }
    if (cp < min) return `invalid utf-8 sequence of 1 bytes from index ${i}`;
    i += n + 1;
  }
  return `invalid utf-8 sequence of 1 bytes from index ${i}`;
}
