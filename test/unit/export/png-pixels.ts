import { inflateSync } from 'node:zlib';

interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A minimal PNG decoder (8-bit greyscale, RGB or RGBA, no interlace): enough to inspect our own renders. */
export function decodePng(bytes: Uint8Array): Pixels {
  const buf = Buffer.from(bytes);
  if (!SIGNATURE.every((b, i) => buf[i] === b)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const body = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs are supported');
      channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[body[9]!] ?? 0;
      if (!channels) throw new Error(`unsupported colour type ${body[9]}`);
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? data[y * stride + x - channels]! : 0;
      const up = y > 0 ? data[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels]! : 0;
      data[y * stride + x] = (value + unfilter(filter, left, up, upLeft)) & 0xff;
    }
  }
  return { width, height, channels, data };
}

function unfilter(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new Error(`bad PNG filter ${filter}`);
  }
}

/** Share of pixels clearly darker than white (text, lines, fills). */
export function inkRatio(p: Pixels): number {
  let ink = 0;
  const total = p.width * p.height;
  for (let i = 0; i < total; i++) {
    const o = i * p.channels;
    const luminance = p.channels >= 3 ? (p.data[o]! + p.data[o + 1]! + p.data[o + 2]!) / 3 : p.data[o]!;
    if (luminance < 200) ink++;
  }
  return ink / total;
}

export function distinctColours(p: Pixels, limit = 1000): number {
  const seen = new Set<number>();
  for (let o = 0; o < p.data.length && seen.size < limit; o += p.channels) {
    seen.add((p.data[o]! << 16) | ((p.data[o + 1] ?? 0) << 8) | (p.data[o + 2] ?? 0));
  }
  return seen.size;
}
