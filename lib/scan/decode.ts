// The barcode decoder, one definition for the camera (components/operator/CameraScanner.tsx, loaded
// only when the camera opens) and for the tests that decode printed codes.
import { BarcodeFormat, Code128Reader, DecodeHintType, Exception, NotFoundException, QRCodeReader, type BinaryBitmap, type Reader, type Result } from "@zxing/library";

/** What the factory prints: a QR code and a Code128 barcode on each sheet (WoSheet). */
export const SCAN_FORMATS: readonly BarcodeFormat[] = [BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128];

/** The decoder hints: only the printed formats. */
export function scanHints(): Map<DecodeHintType, unknown> {
  return new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [...SCAN_FORMATS]]]);
}

/**
 * Tries the QR reader, then the Code128 reader, on one image. Not zxing's MultiFormatReader: in
 * @zxing/library 0.23 it logs a console warning for every reader that finds nothing (its
 * NotFoundException is no ReaderException), i.e. several times a second while the camera is open.
 * Throws the last reader's NotFound/Checksum/Format exception, which the camera loop retries on.
 */
class PrintedCodeReader implements Reader {
  private readonly readers: Reader[] = [new QRCodeReader(), new Code128Reader()];

  decode(image: BinaryBitmap, hints?: Map<DecodeHintType, unknown> | null): Result {
    let last: unknown = null;
    for (const reader of this.readers) {
      try {
        return reader.decode(image, hints);
      } catch (err) {
        if (!(err instanceof Exception)) throw err;
        last = err;
      }
    }
    throw last ?? new NotFoundException();
  }

  reset(): void {
    for (const reader of this.readers) reader.reset();
  }
}

/** A decoder with the camera's settings: `decode(bitmap, scanHints())`. */
export function createDecoder(): Reader {
  return new PrintedCodeReader();
}
