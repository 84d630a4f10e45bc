/** The point of a photo that every crop keeps in frame, in percent of its width and height from the top left. */
export interface FocusPoint {
  x: number;
  y: number;
}

export type FocusParse = { ok: true; focus: FocusPoint } | { ok: false; message: string; hint: string };

const FOCUS_PATTERN = /^\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s+(\d{1,3}(?:[.,]\d+)?)\s*%\s*$/;

export const FOCUS_EXAMPLE = 'focus: 30% 40% (à 30 % de la largeur depuis la gauche, 40 % de la hauteur depuis le haut)';

/** Reads `30% 40%`, as in CSS `object-position`: from the left, then from the top. */
export function parseFocus(text: string): FocusParse {
  const match = FOCUS_PATTERN.exec(text);
  const [x, y] = match ? [match[1], match[2]].map((part) => Number((part ?? '').replace(',', '.'))) : [];
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
    return { ok: false, message: `point de cadrage illisible « ${text} »`, hint: `écrivez deux pourcentages, la largeur puis la hauteur : ${FOCUS_EXAMPLE}` };
  }
  if (x > 100 || y > 100) {
    return {
      ok: false,
      message: `point de cadrage « ${text} » hors de l’image`,
      hint: 'chaque pourcentage va de 0 % (bord gauche ou haut) à 100 % (bord droit ou bas)',
    };
  }
  // Hundredths of a percent are finer than any screen: rounding keeps `formatFocus` out of exponent notation.
  return { ok: true, focus: { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 } };
}

/** `30% 40%`, for CSS `object-position` and for cache keys. */
export function formatFocus(focus: FocusPoint): string {
  return `${focus.x}% ${focus.y}%`;
}

export interface CropBox {
  /** The size the whole photo is scaled to so that it covers the frame. */
  scaledWidth: number;
  scaledHeight: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The frame of `width` × `height` cut from the photo scaled to cover it,
 * centred on the focus point and moved back inside the photo at its edges:
 * the point is always in frame, in the middle whenever it can be.
 */
export function cropAround(source: { width: number; height: number }, frame: { width: number; height: number }, focus: FocusPoint): CropBox {
  const scale = Math.max(frame.width / source.width, frame.height / source.height);
  const scaledWidth = Math.max(frame.width, Math.round(source.width * scale));
  const scaledHeight = Math.max(frame.height, Math.round(source.height * scale));
  const clamp = (value: number, maximum: number) => Math.min(Math.max(Math.round(value), 0), maximum);
  return {
    scaledWidth,
    scaledHeight,
    left: clamp((focus.x / 100) * scaledWidth - frame.width / 2, scaledWidth - frame.width),
    top: clamp((focus.y / 100) * scaledHeight - frame.height / 2, scaledHeight - frame.height),
    width: frame.width,
    height: frame.height,
  };
}
