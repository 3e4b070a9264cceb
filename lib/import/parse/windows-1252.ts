// Windows-1252 by table: Node's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80 gives U+0080,
// not €), so the 32 bytes where the two differ are mapped here as the WHATWG Encoding Standard does.

// prettier-ignore
const HIGH_CONTROLS = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Code units made into a string at once (String.fromCharCode takes them as arguments). */
const CHUNK = 8_192;

/** Every byte to its character: 0x80–0x9F by the table, all others are their own code point. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const units = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROLS[byte - 0x80] : byte,
    );
    parts.push(String.fromCharCode(...units));
  }
  return parts.join('');
}
