// A fake camera for Chromium: a YUV4MPEG2 file of QR codes, made at test time, that Chromium plays
// (in a loop) as its webcam with `--use-fake-device-for-media-stream --use-file-for-fake-video-capture`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import QRCode from "qrcode";

const WIDTH = 640;
const HEIGHT = 480;
const FPS = 10;
// Video levels (BT.601 limited range): black and white as a camera delivers them.
const DARK = 16;
const LIGHT = 235;

/** One grey frame (luma only) with `text` as a QR code in its middle, or a blank page when null. */
function lumaFrame(text: string | null): Uint8Array {
  const y = new Uint8Array(WIDTH * HEIGHT).fill(LIGHT);
  if (text === null) return y;
  // The printed sheet's settings (CodeImages.tsx: level M), with the 4-module quiet zone QR needs.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const scale = Math.floor(360 / (modules.size + 2 * quiet));
  const side = modules.size * scale;
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) y.fill(DARK, (top + r * scale + dy) * WIDTH + left + c * scale, (top + r * scale + dy) * WIDTH + left + (c + 1) * scale);
    }
  return y;
}

/**
 * Writes a .y4m file (I420, 640×480, 10 fps) that shows each entry for `seconds` seconds (null: a
 * blank page) and returns its path. Chromium loops the file, so the sequence repeats.
 */
export function writeQrVideo(shots: readonly { text: string | null; seconds: number }[]): string {
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${FPS}:1 Ip A1:1 C420jpeg\n`);
  // Grey has no colour: both chroma planes (a quarter of the luma each) are 128.
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frameTag = Buffer.from("FRAME\n");
  const parts: Buffer[] = [header];
  for (const { text, seconds } of shots) {
    const luma = Buffer.from(lumaFrame(text));
    for (let i = 0; i < Math.round(seconds * FPS); i++) parts.push(frameTag, luma, chroma);
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), "mes-camera-")), "camera.y4m");
  writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** Chromium's switches for a camera that plays `file`, with the permission granted without a prompt. */
export function fakeCameraArgs(file: string): string[] {
  return ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${file}`];
}
