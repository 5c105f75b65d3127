/**
 * Small, valid media files drawn in code for the demo data and the tests, so
 * the repository carries no binaries and needs no ffmpeg:
 * - a PNG photo (zlib from node),
 * - a WAV tone (16-bit PCM),
 * - an MP4 video: H.264 Constrained Baseline made of I_PCM macroblocks (raw
 *   samples, no entropy coding to get wrong) and P_Skip, in an ISO BMFF
 *   container — a coloured square crossing a gradient, playable in every
 *   browser that plays H.264.
 */
import zlib from 'node:zlib';

// ---------------------------------------------------------------- PNG

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** An RGB PNG; `pixel(x, y)` returns [r, g, b]. */
export function drawPng(width: number, height: number, pixel: (x: number, y: number) => readonly [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[o++] = r;
      raw[o++] = g;
      raw[o++] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A "site photo": sky, a factory block with a chimney, a red seal notice (封条) on the door. */
export function samplePhoto(seed = 0): Buffer {
  const W = 320;
  const H = 200;
  return drawPng(W, H, (x, y) => {
    if (x >= 150 && x < 200 && y >= 120 && y < 170 && (x + y + seed) % 7 !== 0 && Math.abs(x - 175 - (y - 145)) < 6) return [200, 20, 30];
    if (x >= 60 && x < 260 && y >= 90 && y < 180) return x >= 150 && x < 200 && y >= 120 ? [90, 70, 50] : [150, 150, 160];
    if (x >= 210 && x < 230 && y >= 30 && y < 90) return [110, 110, 120];
    if (y >= 180) return [80, 120 + ((x * 3 + seed) % 20), 60];
    return [120 + Math.round((y / H) * 80), 170 + Math.round((y / H) * 50), 235];
  });
}

// ---------------------------------------------------------------- WAV

/** A mono 16-bit PCM WAV tone with a short fade in and out. */
export function sampleWav(opts: { seconds?: number; hz?: number; rate?: number } = {}): Buffer {
  const rate = opts.rate ?? 8000;
  const n = Math.round((opts.seconds ?? 1.5) * rate);
  const hz = opts.hz ?? 440;
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) {
    const fade = Math.min(1, i / (rate * 0.05), (n - i) / (rate * 0.05));
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 12000 * fade), i * 2);
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

// ---------------------------------------------------------------- H.264 / MP4

class BitWriter {
  private readonly out: number[] = [];
  private cur = 0;
  private n = 0;

  bit(b: number): void {
    this.cur = (this.cur << 1) | (b & 1);
    if (++this.n === 8) {
      this.out.push(this.cur);
      this.cur = 0;
      this.n = 0;
    }
  }
  u(bits: number, v: number): void {
    for (let i = bits - 1; i >= 0; i--) this.bit(Math.floor(v / 2 ** i) & 1);
  }
  ue(v: number): void {
    const x = v + 1;
    const len = Math.floor(Math.log2(x));
    for (let i = 0; i < len; i++) this.bit(0);
    this.u(len + 1, x);
  }
  se(v: number): void {
    this.ue(v <= 0 ? -2 * v : 2 * v - 1);
  }
  get aligned(): boolean {
    return this.n === 0;
  }
  alignZero(): void {
    while (this.n !== 0) this.bit(0);
  }
  bytes(b: Uint8Array): void {
    if (this.n !== 0) throw new Error('not aligned');
    for (const x of b) this.out.push(x);
  }
  trailing(): Buffer {
    this.bit(1);
    this.alignZero();
    return Buffer.from(this.out);
  }
}

/** NAL unit with emulation prevention (H.264 §7.4.1). */
function nal(refIdc: number, type: number, rbsp: Buffer): Buffer {
  const out: number[] = [(refIdc << 5) | type];
  let zeros = 0;
  for (const b of rbsp) {
    if (zeros === 2 && b <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(b);
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return Buffer.from(out);
}

const LOG2_MAX_FRAME_NUM = 8;

function sps(wMbs: number, hMbs: number): Buffer {
  const w = new BitWriter();
  w.u(8, 66); // profile_idc: Baseline
  w.u(8, 0b11000000); // constraint_set0 and set1: Constrained Baseline
  w.u(8, 30); // level_idc 3.0
  w.ue(0); // seq_parameter_set_id
  w.ue(LOG2_MAX_FRAME_NUM - 4);
  w.ue(2); // pic_order_cnt_type 2: output order = decoding order
  w.ue(1); // max_num_ref_frames
  w.u(1, 0); // gaps_in_frame_num_value_allowed_flag
  w.ue(wMbs - 1);
  w.ue(hMbs - 1);
  w.u(1, 1); // frame_mbs_only_flag
  w.u(1, 1); // direct_8x8_inference_flag
  w.u(1, 0); // frame_cropping_flag
  w.u(1, 0); // vui_parameters_present_flag
  return nal(3, 7, w.trailing());
}

function pps(): Buffer {
  const w = new BitWriter();
  w.ue(0); // pic_parameter_set_id
  w.ue(0); // seq_parameter_set_id
  w.u(1, 0); // entropy_coding_mode_flag: CAVLC
  w.u(1, 0); // bottom_field_pic_order_in_frame_present_flag
  w.ue(0); // num_slice_groups_minus1
  w.ue(0); // num_ref_idx_l0_default_active_minus1
  w.ue(0); // num_ref_idx_l1_default_active_minus1
  w.u(1, 0); // weighted_pred_flag
  w.u(2, 0); // weighted_bipred_idc
  w.se(0); // pic_init_qp_minus26
  w.se(0); // pic_init_qs_minus26
  w.se(0); // chroma_qp_index_offset
  w.u(1, 1); // deblocking_filter_control_present_flag
  w.u(1, 0); // constrained_intra_pred_flag
  w.u(1, 0); // redundant_pic_cnt_present_flag
  return nal(3, 8, w.trailing());
}

type Yuv = { y: Uint8Array; u: Uint8Array; v: Uint8Array; w: number; h: number };

function toYuv(w: number, h: number, rgb: (x: number, y: number) => readonly [number, number, number]): Yuv {
  const y = new Uint8Array(w * h);
  const u = new Uint8Array((w / 2) * (h / 2));
  const v = new Uint8Array((w / 2) * (h / 2));
  const clamp = (n: number) => Math.max(16, Math.min(235, Math.round(n)));
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const [r, g, b] = rgb(i, j);
      y[j * w + i] = clamp(16 + 0.257 * r + 0.504 * g + 0.098 * b);
      if (i % 2 === 0 && j % 2 === 0) {
        u[(j / 2) * (w / 2) + i / 2] = clamp(128 - 0.148 * r - 0.291 * g + 0.439 * b);
        v[(j / 2) * (w / 2) + i / 2] = clamp(128 + 0.439 * r - 0.368 * g - 0.071 * b);
      }
    }
  }
  return { y, u, v, w, h };
}

function writePcmMacroblock(w: BitWriter, f: Yuv, mbx: number, mby: number): void {
  w.alignZero(); // pcm_alignment_zero_bit
  const luma = new Uint8Array(256);
  for (let j = 0; j < 16; j++) for (let i = 0; i < 16; i++) luma[j * 16 + i] = f.y[(mby * 16 + j) * f.w + mbx * 16 + i]!;
  w.bytes(luma);
  for (const plane of [f.u, f.v]) {
    const c = new Uint8Array(64);
    for (let j = 0; j < 8; j++) for (let i = 0; i < 8; i++) c[j * 8 + i] = plane[(mby * 8 + j) * (f.w / 2) + mbx * 8 + i]!;
    w.bytes(c);
  }
}

/** One slice: an IDR picture of I_PCM macroblocks, or a P picture coding only `changed` macroblocks. */
function slice(f: Yuv, frameNum: number, idr: boolean, changed: ReadonlySet<number>): Buffer {
  const wMbs = f.w / 16;
  const total = wMbs * (f.h / 16);
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(idr ? 7 : 5); // slice_type: I or P (all slices of the picture)
  w.ue(0); // pic_parameter_set_id
  w.u(LOG2_MAX_FRAME_NUM, frameNum % 2 ** LOG2_MAX_FRAME_NUM);
  if (idr) w.ue(0); // idr_pic_id
  if (!idr) {
    w.u(1, 0); // num_ref_idx_active_override_flag
    w.u(1, 0); // ref_pic_list_modification_flag_l0
  }
  if (idr) {
    w.u(1, 0); // no_output_of_prior_pics_flag
    w.u(1, 0); // long_term_reference_flag
  } else {
    w.u(1, 0); // adaptive_ref_pic_marking_mode_flag
  }
  w.se(0); // slice_qp_delta
  w.ue(1); // disable_deblocking_filter_idc: off
  let skip = 0;
  for (let mb = 0; mb < total; mb++) {
    if (!idr && !changed.has(mb)) {
      skip++;
      continue;
    }
    if (!idr) {
      w.ue(skip); // mb_skip_run
      skip = 0;
    }
    w.ue(idr ? 25 : 30); // mb_type I_PCM
    writePcmMacroblock(w, f, mb % wMbs, Math.floor(mb / wMbs));
  }
  if (!idr && skip > 0) w.ue(skip);
  return nal(2, idr ? 5 : 1, w.trailing());
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.writeUInt32BE(body.length + 8, 0);
  h.write(type, 4, 'ascii');
  return Buffer.concat([h, body]);
}

function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
  const vf = Buffer.alloc(4);
  vf.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff));
  return box(type, vf, ...parts);
}

function u32(...v: number[]): Buffer {
  const b = Buffer.alloc(4 * v.length);
  v.forEach((x, i) => b.writeUInt32BE(x >>> 0, i * 4));
  return b;
}

function u16(...v: number[]): Buffer {
  const b = Buffer.alloc(2 * v.length);
  v.forEach((x, i) => b.writeUInt16BE(x & 0xffff, i * 2));
  return b;
}

const MATRIX = u32(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000);

function mp4(width: number, height: number, fps: number, spsNal: Buffer, ppsNal: Buffer, samples: Buffer[]): Buffer {
  const timescale = fps * 1000;
  const delta = 1000;
  const duration = samples.length * delta;
  const durationMs = Math.round((samples.length / fps) * 1000);
  const ftyp = box('ftyp', Buffer.from('isom', 'ascii'), u32(0x200), Buffer.from('isomiso2avc1mp41', 'ascii'));
  const sampleData = samples.map((s) => Buffer.concat([u32(s.length), s]));
  const avcC = box('avcC', Buffer.from([1, spsNal[1]!, spsNal[2]!, spsNal[3]!, 0xff, 0xe1]), u16(spsNal.length), spsNal, Buffer.from([1]), u16(ppsNal.length), ppsNal);
  const compressor = Buffer.alloc(32);
  const avc1 = box('avc1', Buffer.alloc(6), u16(1), Buffer.alloc(16), u16(width, height), u32(0x00480000, 0x00480000, 0), u16(1), compressor, u16(0x0018, 0xffff), avcC);
  const moovWith = (offset: number) =>
    box(
      'moov',
      fullBox('mvhd', 0, 0, u32(0, 0, 1000, durationMs, 0x00010000), u16(0x0100, 0), u32(0, 0), MATRIX, u32(0, 0, 0, 0, 0, 0, 2)),
      box(
        'trak',
        fullBox('tkhd', 0, 3, u32(0, 0, 1, 0, durationMs, 0, 0), u16(0, 0, 0, 0), MATRIX, u32(width << 16, height << 16)),
        box(
          'mdia',
          fullBox('mdhd', 0, 0, u32(0, 0, timescale, duration), u16(0x55c4, 0)),
          fullBox('hdlr', 0, 0, u32(0), Buffer.from('vide', 'ascii'), u32(0, 0, 0), Buffer.from('VideoHandler\0', 'ascii')),
          box(
            'minf',
            fullBox('vmhd', 0, 1, u16(0, 0, 0, 0)),
            box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1))),
            box(
              'stbl',
              fullBox('stsd', 0, 0, u32(1), avc1),
              fullBox('stts', 0, 0, u32(1, samples.length, delta)),
              fullBox('stss', 0, 0, u32(1, 1)),
              fullBox('stsc', 0, 0, u32(1, 1, samples.length, 1)),
              fullBox('stsz', 0, 0, u32(0, samples.length, ...sampleData.map((s) => s.length))),
              fullBox('stco', 0, 0, u32(1, offset)),
            ),
          ),
        ),
      ),
    );
  const moovLen = moovWith(0).length;
  const moov = moovWith(ftyp.length + moovLen + 8);
  return Buffer.concat([ftyp, moov, box('mdat', ...sampleData)]);
}

/**
 * A short H.264 MP4: a gradient with a square moving one macroblock per
 * frame. `seed` changes the colours, so two calls can give different files.
 */
export function sampleMp4(opts: { width?: number; height?: number; fps?: number; frames?: number; seed?: number } = {}): Buffer {
  const W = opts.width ?? 160;
  const H = opts.height ?? 96;
  const fps = opts.fps ?? 8;
  const frames = opts.frames ?? 24;
  const seed = opts.seed ?? 0;
  if (W % 16 || H % 16) throw new Error('width and height must be multiples of 16');
  const wMbs = W / 16;
  const row = Math.floor(H / 32);
  const posOf = (i: number) => row * wMbs + (i % wMbs);
  const samples: Buffer[] = [];
  let prev = -1;
  for (let i = 0; i < frames; i++) {
    const pos = posOf(i);
    const frame = toYuv(W, H, (x, y) => {
      const mb = Math.floor(y / 16) * wMbs + Math.floor(x / 16);
      if (mb === pos) return [230, (80 + seed * 40) % 256, 40];
      return [40 + Math.round((x / W) * 120), 60 + Math.round((y / H) * 100), (150 + seed * 30) % 256];
    });
    const changed = new Set([pos, prev].filter((p) => p >= 0));
    samples.push(slice(frame, i, i === 0, changed));
    prev = pos;
  }
  return mp4(W, H, fps, sps(wMbs, H / 16), pps(), samples);
}
