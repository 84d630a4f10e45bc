import type { PhotoFormat } from './photoFile';

// Whether a photo's file is whole: its structure walked to its last marker,
// without decoding it, so a transfer cut short is refused by name
// (photoFile.ts) rather than shown half grey.

/** Whether the file holds its whole structure, up to its last marker: a cut transfer is caught without decoding. */
export function isComplete(bytes: Buffer, format: PhotoFormat): boolean {
  switch (format) {
    case 'jpeg':
      return jpegIsComplete(bytes);
    case 'png':
      return pngIsComplete(bytes);
    case 'webp':
      return bytes.length >= 12 && bytes.readUInt32LE(4) + 8 <= bytes.length;
    case 'avif':
      return isoMediaIsComplete(bytes);
  }
}

/** Walks the JPEG's segments and entropy-coded scans to its end-of-image marker. */
function jpegIsComplete(bytes: Buffer): boolean {
  let index = 2;
  while (index < bytes.length) {
    if (bytes[index] !== 0xff) return false;
    while (bytes[index] === 0xff) index += 1;
    const marker = bytes[index];
    index += 1;
    if (marker === undefined) return false;
    if (marker === 0xd9) return true;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (index + 2 > bytes.length) return false;
    const length = bytes.readUInt16BE(index);
    if (length < 2 || index + length > bytes.length) return false;
    index += length;
    if (marker !== 0xda) continue;
    // Scan data: 0xFF is followed by 0x00 (a stuffed byte) or a restart marker, until the next real marker.
    for (;;) {
      index = bytes.indexOf(0xff, index);
      if (index === -1 || index + 1 >= bytes.length) return false;
      const next = bytes[index + 1] ?? 0;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) index += 2;
      else if (next === 0xff) index += 1;
      else break;
    }
  }
  return false;
}

/** Walks the PNG's chunks to IEND. */
function pngIsComplete(bytes: Buffer): boolean {
  let index = 8;
  while (index + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(index);
    const type = bytes.subarray(index + 4, index + 8).toString('latin1');
    index += 12 + length;
    if (index > bytes.length) return false;
    if (type === 'IEND') return true;
  }
  return false;
}

/** Top-level boxes must tile the file exactly (a box of size 0 runs to its end). */
function isoMediaIsComplete(bytes: Buffer): boolean {
  let index = 0;
  let sawMediaData = false;
  while (index < bytes.length) {
    if (index + 8 > bytes.length) return false;
    let size = bytes.readUInt32BE(index);
    const type = bytes.subarray(index + 4, index + 8).toString('latin1');
    if (type === 'mdat') sawMediaData = true;
    if (size === 0) return sawMediaData;
    if (size === 1) {
      if (index + 16 > bytes.length) return false;
      size = Number(bytes.readBigUInt64BE(index + 8));
    }
    if (size < 8) return false;
    index += size;
  }
  return index === bytes.length && sawMediaData;
}
