/**
 * RAR4 file names (T4; U encname.cpp). ASCII names are stored as is, without LHD_UNICODE.
 * Others use the two-part form: an 8-bit legacy name, a 0x00, then the encoded UTF-16 name,
 * because current UnRAR decodes only that form (a bare UTF-8 name is read in the OEM code page).
 */
export interface Rar4EncodedName {
  readonly bytes: Buffer;
  readonly isUnicode: boolean;
}

enum NameOp {
  LowByte = 0, // char = byte
  HighByteCombined = 1, // char = byte | highByte << 8
  FullUnit = 2, // char = two bytes, little-endian
  LegacyRun = 3, // run of chars copied from the legacy name
}

/** Longest run one LegacyRun operand can copy: (0x7f) + 2. */
const MAX_LEGACY_RUN = 129;

export function encodeRar4FileName(name: string): Rar4EncodedName {
  if (/^[\x20-\x7e]*$/.test(name)) return { bytes: Buffer.from(name, 'latin1'), isUnicode: false };
  const units: number[] = [];
  for (let i = 0; i < name.length; i++) units.push(name.charCodeAt(i)); // surrogate pairs stay two units
  const legacy = Buffer.from(units.map(legacyByteFor));
  const highByte = mostCommonHighByte(units);
  const ops: NameOp[] = [];
  const operands: number[] = [];
  let pos = 0;
  while (pos < units.length) {
    let run = 0;
    while (pos + run < units.length && run < MAX_LEGACY_RUN && units[pos + run] === legacy[pos + run]) run++;
    if (run >= 2) {
      ops.push(NameOp.LegacyRun);
      operands.push(run - 2);
      pos += run;
      continue;
    }
    const unit = units[pos]!;
    if (unit >> 8 === 0) {
      ops.push(NameOp.LowByte);
      operands.push(unit);
    } else if (unit >> 8 === highByte) {
      ops.push(NameOp.HighByteCombined);
      operands.push(unit & 0xff);
    } else {
      ops.push(NameOp.FullUnit);
      operands.push(unit & 0xff, unit >> 8);
    }
    pos++;
  }
  const encoded: number[] = [highByte];
  let operandIndex = 0;
  for (let group = 0; group < ops.length; group += 4) {
    let flags = 0;
    for (let k = 0; k < 4; k++) flags |= (ops[group + k] ?? 0) << (6 - 2 * k);
    encoded.push(flags);
    for (let k = group; k < Math.min(group + 4, ops.length); k++) {
      const width = ops[k] === NameOp.FullUnit ? 2 : 1;
      for (let w = 0; w < width; w++) encoded.push(operands[operandIndex++]!);
    }
  }
  return { bytes: Buffer.concat([legacy, Buffer.from([0]), Buffer.from(encoded)]), isUnicode: true };
}

/** Legacy byte: ASCII as is, accented Latin letters without their accent, anything else '_'. */
function legacyByteFor(unit: number): number {
  if (unit >= 0x20 && unit <= 0x7e) return unit;
  const base = String.fromCharCode(unit).normalize('NFD').charCodeAt(0);
  return base >= 0x20 && base <= 0x7e ? base : 0x5f;
}

function mostCommonHighByte(units: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const unit of units) {
    const high = unit >> 8;
    if (high !== 0) counts.set(high, (counts.get(high) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [high, count] of counts) {
    if (count > bestCount) {
      best = high;
      bestCount = count;
    }
  }
  return best;
}

/** Decodes a stored RAR4 name (U DecodeFileName): two-part form, UTF-8 fallback, or Latin-1. */
export function decodeRar4FileName(bytes: Uint8Array, isUnicode: boolean): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUnicode) return buffer.toString('latin1');
  const zero = buffer.indexOf(0);
  if (zero < 0) return buffer.toString('utf8');
  const legacy = buffer.subarray(0, zero);
  const enc = buffer.subarray(zero + 1);
  const out: number[] = [];
  let encPos = 0;
  const highByte = enc[encPos++] ?? 0;
  let flags = 0;
  let flagBits = 0;
  while (encPos < enc.length) {
    if (flagBits === 0) {
      flags = enc[encPos++]!;
      flagBits = 8;
    }
    const op = flags >> 6;
    flags = (flags << 2) & 0xff;
    flagBits -= 2;
    if (op === NameOp.LowByte) {
      if (encPos >= enc.length) break;
      out.push(enc[encPos++]!);
    } else if (op === NameOp.HighByteCombined) {
      if (encPos >= enc.length) break;
      out.push(enc[encPos++]! | (highByte << 8));
    } else if (op === NameOp.FullUnit) {
      if (encPos + 1 >= enc.length) break;
      out.push(enc[encPos]! | (enc[encPos + 1]! << 8));
      encPos += 2;
    } else {
      if (encPos >= enc.length) break;
      let length = enc[encPos++]!;
      if (length & 0x80) {
        const correction = enc[encPos++] ?? 0;
        for (length = (length & 0x7f) + 2; length > 0 && out.length < legacy.length; length--) {
          out.push(((legacy[out.length]! + correction) & 0xff) | (highByte << 8));
        }
      } else {
        for (length += 2; length > 0 && out.length < legacy.length; length--) out.push(legacy[out.length]!);
      }
    }
  }
  return String.fromCharCode(...out);
}
