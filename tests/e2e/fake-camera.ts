// A fake camera for Chromium: a YUV4MPEG2 file of printed codes, made at test time, that Chromium
// plays (in a loop) as its webcam with `--use-fake-device-for-media-stream --use-file-for-fake-video-capture`.
// A work order sheet is its QR code; a badge is printed as a QR code above a Code128 barcode
// (components/station/BadgesAdmin.tsx), so the camera may read either (docs/scanning.md).
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import QRCode from "qrcode";

const require = createRequire(import.meta.url);
// JsBarcode's own Code128 encoder (the badge page draws its bars with it): the bar pattern as "1"/"0" modules.
const { CODE128 } = require("jsbarcode/bin/barcodes/CODE128/index.js") as { CODE128: new (text: string, options: object) => { encode(): { data: string } } };

const FPS = 10;
// Video levels (BT.601 limited range): black and white as a camera delivers them.
const DARK = 16;
const LIGHT = 235;

interface Frame {
  width: number;
  height: number;
  y: Uint8Array;
}

function blank(width: number, height: number): Frame {
  return { width, height, y: new Uint8Array(width * height).fill(LIGHT) };
}

function fillRect(f: Frame, left: number, top: number, w: number, h: number): void {
  for (let row = top; row < top + h; row++) f.y.fill(DARK, row * f.width + left, row * f.width + left + w);
}

/** Draws `text` as a QR code (the printed settings: level M) `side` px wide at (left, top), with its 4-module quiet zone. */
function drawQr(f: Frame, text: string, left: number, top: number, side: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const scale = Math.floor(side / (modules.size + 2 * quiet));
  const x0 = left + quiet * scale;
  const y0 = top + quiet * scale;
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) fillRect(f, x0 + c * scale, y0 + r * scale, scale, scale);
}

/** Draws `text` as Code128 bars, `scale` px per module and `height` px tall, centred at `top`. */
function drawCode128(f: Frame, text: string, top: number, height: number, scale: number): void {
  const modules = new CODE128(text, {}).encode().data;
  const left = Math.floor((f.width - modules.length * scale) / 2);
  if (left < 10 * scale) throw new Error(`${text} is too long for a ${f.width}px frame at ${scale}px per bar`);
  for (let i = 0; i < modules.length; i++) if (modules[i] === "1") fillRect(f, left + i * scale, top, scale, height);
}

/** What the camera sees for a while: a sheet's QR code, a badge as printed, or a blank page (null). */
export interface Shot {
  text: string | null;
  seconds: number;
  /** Printed as a badge: the QR code above the Code128 bars of the same text. */
  badge?: boolean;
}

function frameOf(shot: Shot, width: number, height: number): Frame {
  const f = blank(width, height);
  if (shot.text === null) return f;
  if (!shot.badge) {
    const side = Math.min(360, height - 40);
    drawQr(f, shot.text, Math.floor((width - side) / 2), Math.floor((height - side) / 2), side);
    return f;
  }
  const side = 300;
  drawQr(f, shot.text, Math.floor((width - side) / 2), 40, side);
  drawCode128(f, shot.text, 40 + side + 30, 160, 3);
  return f;
}

/**
 * Writes a .y4m file (I420, 10 fps; 640×480, or 1280×720 when a badge is on it: its Code128 bars need
 * the width) that shows each entry for `seconds` seconds, and returns its path. Chromium loops the
 * file, so the sequence repeats.
 */
export function writeQrVideo(shots: readonly Shot[]): string {
  const [width, height] = shots.some((s) => s.badge) ? [1280, 720] : [640, 480];
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${FPS}:1 Ip A1:1 C420jpeg\n`);
  // Grey has no colour: both chroma planes (a quarter of the luma each) are 128.
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frameTag = Buffer.from("FRAME\n");
  const parts: Buffer[] = [header];
  for (const shot of shots) {
    const luma = Buffer.from(frameOf(shot, width, height).y);
    for (let i = 0; i < Math.round(shot.seconds * FPS); i++) parts.push(frameTag, luma, chroma);
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), "mes-camera-")), "camera.y4m");
  writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** Chromium's switches for a camera that plays `file`, with the permission granted without a prompt. */
export function fakeCameraArgs(file: string): string[] {
  return ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${file}`];
}
