import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Photos made at test time, for the unit and browser tests: one that carries
 * everything a camera or an agency writes (EXIF with GPS, XMP, IPTC, an
 * orientation tag), and the hostile files each check must refuse by name.
 */

/** A PNG chunk: length, type, data, CRC of type and data. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return header;
}

/**
 * A real decompression bomb: a valid 8,000 × 8,000 PNG of one grey (64
 * megapixels, 192 MB once decoded to RGB) that weighs about 60 KB.
 */
export function decompressionBomb(): Buffer {
  const side = 8_000;
  const rows = Buffer.alloc((side + 1) * side); // each row: filter byte 0, then zeros
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', pngHeader(side, side)),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG whose header claims 100,000 × 20 pixels. */
export function absurdDimensions(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', pngHeader(100_000, 20)),
    pngChunk('IDAT', deflateSync(Buffer.alloc(100_001 * 20))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" onload="alert(1)"><script>alert(document.cookie)</script><rect width="100%" height="100%"/></svg>\n',
);

/** A colourful picture, so re-encodings are not trivially small. */
export async function plainPhoto(width = 1600, height = 1000, format: 'jpeg' | 'png' | 'webp' | 'avif' = 'jpeg'): Promise<Buffer> {
  const stripes = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      stripes[offset] = (x * 255) / width;
      stripes[offset + 1] = (y * 255) / height;
      stripes[offset + 2] = ((x + y) % 64) * 4;
    }
  }
  return sharp(stripes, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

/** A photo of about one colour (with a light gradient, so it is not trivially small), to tell later which photo a variant was made from. */
export async function colouredPhoto(
  width: number,
  height: number,
  [red, green, blue]: [number, number, number],
  format: 'jpeg' | 'png' | 'webp' | 'avif' = 'jpeg',
): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      const shade = ((x + y) % 32) - 16;
      pixels[offset] = Math.max(0, Math.min(255, red + shade));
      pixels[offset + 1] = Math.max(0, Math.min(255, green + shade));
      pixels[offset + 2] = Math.max(0, Math.min(255, blue + shade));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

/** The first part of a JPEG, as a cut transfer leaves it. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await plainPhoto(1600, 1000, 'jpeg');
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

export const GPS_LATITUDE = '48/1 51/1 2400/100';

/**
 * A JPEG stored sideways (pixels 1000 wide, 1600 high, orientation tag 6: to be
 * turned 90° clockwise, so it shows 1600 × 1000), with a camera's EXIF, a GPS
 * position, an XMP packet and an IPTC block naming a source. `source`, when
 * given, is the picture to store so (1000 × 1600 for the sizes above).
 */
export async function photoWithMetadata(source?: Buffer): Promise<Buffer> {
  const sideways = await sharp(source ?? (await plainPhoto(1000, 1600, 'png')))
    .withExif({
      IFD0: { Make: 'Appareil-Test', Model: 'Numéro-de-série-42' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: GPS_LATITUDE, GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Source confidentielle</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .jpeg({ quality: 90 })
    .toBuffer();
  return withIptc(sideways, 'Source confidentielle');
}

/** Inserts an APP13 (Photoshop IRB, IPTC) segment with a by-line after the JPEG's SOI. */
function withIptc(jpeg: Buffer, byline: string): Buffer {
  const text = Buffer.from(byline, 'utf8');
  const iptc = Buffer.concat([Buffer.from([0x1c, 0x02, 0x50, text.length >> 8, text.length & 0xff]), text]);
  const resource = Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0x00, 0x00]), Buffer.alloc(4), iptc, Buffer.alloc(iptc.length % 2)]);
  resource.writeUInt32BE(iptc.length, 10);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
  const header = Buffer.from([0xff, 0xed, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}
