import { BinaryBitmap, HybridBinarizer, NotFoundException, RGBLuminanceSource } from "@zxing/library";
import JsBarcode from "jsbarcode";
import QRCode from "qrcode";
import { newBadgeCode } from "../stations/badge";
import { createRepeatFilter, locationLabelCode, lotLabelCode, parseBadgeCode, parseWoCode, resolveScan } from "./codes";
import { createDecoder, scanHints } from "./decode";

/** A grey image (0 black … 255 white) of `w`×`h` from a function of the pixel. */
function image(w: number, h: number, dark: (x: number, y: number) => boolean): BinaryBitmap {
  const lum = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) lum[y * w + x] = dark(x, y) ? 0 : 255;
  return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(lum, w, h)));
}

/** The Code128 barcode the printed sheet carries (jsbarcode, the sheet's own library), as an image. */
function code128Image(text: string): BinaryBitmap {
  const target: { encodings?: { data: string }[] } = {};
  JsBarcode(target, text, { format: "CODE128" });
  const bars = target.encodings!.map((e) => e.data).join("");
  const unit = 3;
  const quiet = 12;
  return image((bars.length + 2 * quiet) * unit, 60, (x) => bars[Math.floor(x / unit) - quiet] === "1");
}

/** The QR code the printed sheet carries (qrcode, the sheet's own library, level M), as an image. */
function qrImage(text: string): BinaryBitmap {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const scale = 6;
  const quiet = 4;
  const side = (modules.size + 2 * quiet) * scale;
  return image(side, side, (x, y) => {
    const c = Math.floor(x / scale) - quiet;
    const r = Math.floor(y / scale) - quiet;
    return c >= 0 && r >= 0 && c < modules.size && r < modules.size && modules.get(r, c) === 1;
  });
}

/** Dark modules of the QR code and bars of the Code128 of `text`, as the badge prints them: QR above bars. */
function badgeImage(text: string): BinaryBitmap {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const target: { encodings?: { data: string }[] } = {};
  JsBarcode(target, text, { format: "CODE128" });
  const bars = target.encodings!.map((e) => e.data).join("");
  const scale = 6;
  const unit = 3;
  const quiet = 24;
  const qrSide = modules.size * scale;
  const width = bars.length * unit + 2 * quiet;
  const qrLeft = Math.floor((width - qrSide) / 2);
  const barsTop = quiet + qrSide + quiet;
  return image(width, barsTop + 60 + quiet, (x, y) => {
    if (y >= quiet && y < quiet + qrSide) {
      const c = Math.floor((x - qrLeft) / scale);
      const r = Math.floor((y - quiet) / scale);
      return x >= qrLeft && c < modules.size && modules.get(r, c) === 1;
    }
    if (y >= barsTop && y < barsTop + 60) return bars[Math.floor((x - quiet) / unit)] === "1" && x >= quiet;
    return false;
  });
}

describe("resolveScan: what a scan or a typed code comes to", () => {
  test.each([
    ["WO-000002", "WO-000002"],
    ["wo-2", "WO-000002"],
    ["wo 000002", "WO-000002"],
    ["WO_12", "WO-000012"],
    ["WO:12", "WO-000012"],
    ["  WO-000002\r\n", "WO-000002"],
    ["\u001dWO-000002", "WO-000002"],
    ["2", "WO-000002"],
    ["WO-1234567", "WO-1234567"],
    ["https://mes.example/workorders/WO-000042", "WO-000042"],
    ["Sheet of WO-000007 (Assembly)", "WO-000007"],
  ])("%j is work order %s", (raw, code) => {
    expect(resolveScan(raw)).toEqual({ kind: "wo", code });
    expect(parseWoCode(raw)).toBe(code);
  });

  const BADGE = "MESB-0123456789ABCDEFGHJKMNPQRS";
  test.each([
    [BADGE, BADGE],
    ["mesb-0123456789abcdefghjkmnpqrs", BADGE],
    ["MESB 0123456789ABCDEFGHJKMNPQRS", BADGE],
    ["MESB_0123456789ABCDEFGHJKMNPQRS", BADGE],
    ["MESB0123456789ABCDEFGHJKMNPQRS", BADGE],
    ["  MESB-0123456789ABCDEFGHJKMNPQRS\r\n", BADGE],
    ["\u001dMESB-0123456789ABCDEFGHJKMNPQRS", BADGE],
  ])("%j is badge %s", (raw, code) => {
    expect(resolveScan(raw)).toEqual({ kind: "badge", code });
    expect(parseBadgeCode(raw)).toBe(code);
    expect(parseWoCode(raw)).toBeNull();
  });

  test("every issued badge code resolves to itself", () => {
    for (let i = 0; i < 50; i++) {
      const code = newBadgeCode();
      expect(resolveScan(code)).toEqual({ kind: "badge", code });
      expect(resolveScan(code.toLowerCase())).toEqual({ kind: "badge", code });
    }
  });

  test.each([
    "MESB-",
    "MESB-0123456789ABCDEFGHJKMNPQR", // 25 characters
    "MESB-0123456789ABCDEFGHJKMNPQRST", // 27
    "MESB-0123456789ABCDEFGHJKMNPQR!",
    "0123456789ABCDEFGHJKMNPQRS", // bare: a badge always carries its prefix
    "https://mes.example/badge/MESB-0123456789ABCDEFGHJKMNPQRS", // never read out of longer text
  ])("%j is no badge", (raw) => {
    expect(parseBadgeCode(raw)).toBeNull();
    expect(resolveScan(raw)?.kind).not.toBe("badge");
  });

  const LOT_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
  const LOT = "LOT-0F8FAD5BD9CB469FA16570867728950E";
  test.each([
    [LOT, LOT_ID],
    ["lot-0f8fad5bd9cb469fa16570867728950e", LOT_ID],
    [`LOT-${LOT_ID}`, LOT_ID],
    ["LOT 0F8FAD5BD9CB469FA16570867728950E", LOT_ID],
    ["LOT0F8FAD5BD9CB469FA16570867728950E", LOT_ID],
    [`  ${LOT}\r\n`, LOT_ID],
    [`\u001d${LOT}`, LOT_ID],
    [`Lot label ${LOT} (steel)`, LOT_ID],
  ])("%j is lot %s", (raw, code) => {
    expect(resolveScan(raw)).toEqual({ kind: "lot", code });
    expect(parseWoCode(raw)).toBeNull();
  });

  const STOCK_ID = "00000000-0000-4000-8000-000000000101";
  test.each([
    ["LOC-00000000000040008000000000000101", STOCK_ID],
    ["loc_00000000000040008000000000000101", STOCK_ID],
    [`LOC-${STOCK_ID}`, STOCK_ID],
    ["https://mes.example/label/LOC-00000000000040008000000000000101", STOCK_ID],
  ])("%j is location %s", (raw, code) => {
    expect(resolveScan(raw)).toEqual({ kind: "location", code });
  });

  test("the printed lot and location codes resolve to their ids", () => {
    expect(lotLabelCode(LOT_ID)).toBe(LOT);
    expect(resolveScan(lotLabelCode(LOT_ID))).toEqual({ kind: "lot", code: LOT_ID });
    expect(locationLabelCode(STOCK_ID)).toBe("LOC-00000000000040008000000000000101");
    for (let i = 0; i < 20; i++) {
      const id = crypto.randomUUID();
      expect(resolveScan(lotLabelCode(id))).toEqual({ kind: "lot", code: id });
      expect(resolveScan(locationLabelCode(id))).toEqual({ kind: "location", code: id });
    }
  });

  test.each([
    "LOT-0F8FAD5BD9CB469FA16570867728950", // 31 hex digits
    "LOT-0F8FAD5BD9CB469FA16570867728950EE", // 33
    "LOT-0F8FAD5BD9CB469FA16570867728950G",
    "LOC-STOCK",
    "0f8fad5b-d9cb-469f-a165-70867728950e", // bare: a label always carries its prefix
    "XLOT-0F8FAD5BD9CB469FA16570867728950E",
  ])("%j is no lot or location", (raw) => {
    expect(["lot", "location"]).not.toContain(resolveScan(raw)?.kind);
  });

  test.each(["", "   ", "hello", "TWO5", "WO-", "WO-12a", "LOT-000001", "MO-000001", "1234567890123"])("%j is no code", (raw) => {
    expect(resolveScan(raw)).toBeNull();
  });
});

describe("printed codes decoded with the camera's decoder settings, then resolved", () => {
  test.each(["WO-000002", "WO-000137"])("Code128 of %s", (code) => {
    const result = createDecoder().decode(code128Image(code), scanHints());
    expect(result.getBarcodeFormat()).toBe(4 /* CODE_128 */);
    expect(resolveScan(result.getText())).toEqual({ kind: "wo", code });
  });

  // zxing-js misses a few percent of perfectly drawn version-2 QR codes (zxing-js/library#653, open):
  // about 1 in 20 random badge codes, so a test of "the QR of any badge" failed by chance (CI, stop 19).
  // The badge therefore carries a Code128 as well, and the camera tries both readers on every frame:
  // what must hold is that every badge, as printed, is read, whichever of its two codes gives it.
  // The first code is one whose QR zxing-js misses at every scale: the badge still reads by its bars.
  test.each([["MESB-1F0HZSAVNSSYWFNQDHCVBM9E42"], ...Array.from({ length: 24 }, () => [newBadgeCode()])])("badge %s: its Code128 always reads, and the printed badge (QR above Code128) reads as it", (code) => {
    const bars = createDecoder().decode(code128Image(code), scanHints());
    expect(bars.getBarcodeFormat()).toBe(4 /* CODE_128 */);
    expect(resolveScan(bars.getText())).toEqual({ kind: "badge", code });
    const badge = createDecoder().decode(badgeImage(code), scanHints());
    expect(resolveScan(badge.getText())).toEqual({ kind: "badge", code });
  });

  test("QR code of a badge", () => {
    // A code zxing-js reads (see above): the QR carries the full badge code and resolves to it.
    const code = "MESB-0123456789ABCDEFGHJKMNPQRS";
    const qr = createDecoder().decode(qrImage(code), scanHints());
    expect(qr.getBarcodeFormat()).toBe(11 /* QR_CODE */);
    expect(resolveScan(qr.getText())).toEqual({ kind: "badge", code });
  });

  test.each([
    ["lot", lotLabelCode("0f8fad5b-d9cb-469f-a165-70867728950e"), "0f8fad5b-d9cb-469f-a165-70867728950e"],
    ["location", locationLabelCode("00000000-0000-4000-8000-000000000101"), "00000000-0000-4000-8000-000000000101"],
  ] as const)("the %s label's Code128 and QR code (%s) read back as it", (kind, printed, id) => {
    const bars = createDecoder().decode(code128Image(printed), scanHints());
    expect(bars.getBarcodeFormat()).toBe(4 /* CODE_128 */);
    expect(bars.getText()).toBe(printed);
    expect(resolveScan(bars.getText())).toEqual({ kind, code: id });
    const qr = createDecoder().decode(qrImage(printed), scanHints());
    expect(qr.getBarcodeFormat()).toBe(11 /* QR_CODE */);
    expect(resolveScan(qr.getText())).toEqual({ kind, code: id });
  });

  test("QR code of WO-000003", () => {
    const result = createDecoder().decode(qrImage("WO-000003"), scanHints());
    expect(result.getBarcodeFormat()).toBe(11 /* QR_CODE */);
    expect(resolveScan(result.getText())).toEqual({ kind: "wo", code: "WO-000003" });
  });
});

describe("createRepeatFilter: each code once while it stays in view", () => {
  test("frames of one sheet count once; after a quiet spell it counts again; another code counts at once", () => {
    const isNew = createRepeatFilter(1500);
    expect(isNew("WO-000001", 0)).toBe(true);
    // The sheet stays in front of the camera for 3 s, read every 250 ms: never again.
    for (let t = 250; t <= 3000; t += 250) expect(isNew("WO-000001", t)).toBe(false);
    expect(isNew("WO-000002", 3100)).toBe(true);
    expect(isNew("WO-000002", 3300)).toBe(false);
    // The first sheet shown again 2 s after it was last seen.
    expect(isNew("WO-000001", 5000)).toBe(true);
  });
});

describe("the decoder on a frame without a code", () => {
  test("throws zxing's NotFoundException (the camera loop retries on it) and logs nothing", () => {
    const warn = jest.spyOn(console, "warn");
    try {
      expect(() => createDecoder().decode(image(200, 200, (x) => x % 7 === 0), scanHints())).toThrow(NotFoundException);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
