import { FRACTIONS, POWERS, SCALE, STEP_HI, STEP_LO } from './fast-exp.js';
import { GRU_KERNEL_WASM } from './gru-kernel-wasm.js';
import type { GruWeights } from './gru-shape.js';

/** gru-kernel.wat's export. */
interface KernelExports {
  memory: WebAssembly.Memory;
  direction(
    T: number, d: number, H: number, uzr: number, un: number, xw: number,
    target: number, h: number, gates: number, rh: number, sum: number, max: number, tmp: number,
  ): void;
}

/** Where one reader's weights and scratch sit in the kernel's memory (byte offsets). */
export interface KernelReader {
  /** [2][H][2H] f64, as GruWeights.uzr. */
  uzr: number;
  /** [2][H][H] f64, as GruWeights.un. */
  un: number;
  h: number;
  gates: number;
  rh: number;
  /** [2H] f64 scratch for the exponentials. */
  tmp: number;
  /** [2][H] f64: the target sums, then the window maxima, per direction. */
  sum: number;
  max: number;
}

// Constants and tables at fixed offsets (see gru-kernel.wat's header), then the heap.
const CONSTANTS = [SCALE, 0.5, STEP_HI, STEP_LO, 1, 1 / 6, 1 / 24, 1 / 120, -700, 700, Infinity, 2, -2];
const FRACTIONS_AT = 128;
const POWERS_AT = 640;
const HEAP_START = POWERS_AT + POWERS.length * 8;

/**
 * The GRU reader's recurrent loop in WebAssembly SIMD (two double-precision units a lane pair),
 * with the weights copied in once per reader and the window's inputs copied in per mention.
 * Results equal the JavaScript loop's to the bit (a test holds them equal).
 */
export class GruKernel {
  private readonly exports: KernelExports;
  private top = HEAP_START;
  private readonly readers = new WeakMap<GruWeights, KernelReader>();
  private windowAt = 0;
  private windowBytes = 0;
  f64: Float64Array;
  f32: Float32Array;
  u8: Uint8Array;

  constructor(bytes: Uint8Array<ArrayBuffer>) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    this.exports = instance.exports as unknown as KernelExports;
    this.f64 = new Float64Array(0);
    this.f32 = new Float32Array(0);
    this.u8 = new Uint8Array(0);
    this.refreshViews();
    this.f64.set(CONSTANTS, 0);
    this.f64.set(FRACTIONS, FRACTIONS_AT / 8);
    this.f64.set(POWERS, POWERS_AT / 8);
  }

  private refreshViews(): void {
    const buffer = this.exports.memory.buffer;
    this.f64 = new Float64Array(buffer);
    this.f32 = new Float32Array(buffer);
    this.u8 = new Uint8Array(buffer);
  }

  /** Reserves `bytes` (16-byte aligned) for the rest of the process, growing the memory if needed. */
  private allocate(bytes: number): number {
    const at = this.top;
    this.top += Math.ceil(bytes / 16) * 16;
    const missing = this.top - this.exports.memory.buffer.byteLength;
    if (missing > 0) {
      this.exports.memory.grow(Math.ceil(missing / 65_536));
      this.refreshViews();
    }
    return at;
  }

  /** The reader's place in memory, its recurrent weights copied in on first use. */
  reader(w: GruWeights): KernelReader {
    const hit = this.readers.get(w);
    if (hit) return hit;
    const H = w.units;
    const r: KernelReader = {
      uzr: this.allocate(w.uzr.length * 8),
      un: this.allocate(w.un.length * 8),
      h: this.allocate(H * 8),
      gates: this.allocate(2 * H * 8),
      rh: this.allocate(H * 8),
      tmp: this.allocate(2 * H * 8),
      sum: this.allocate(2 * H * 8),
      max: this.allocate(2 * H * 8),
    };
    this.f64.set(w.uzr, r.uzr / 8);
    this.f64.set(w.un, r.un / 8);
    this.readers.set(w, r);
    return r;
  }

  /**
   * Room for a window of T tokens of H units: its f32 input projections [T][2][3H] and then its
   * target flags [T]. Grows (and keeps) the largest window asked for.
   */
  window(T: number, H: number): { xw: number; target: number } {
    const bytes = T * 6 * H * 4 + T;
    if (bytes > this.windowBytes) {
      this.windowBytes = Math.max(bytes, 2 * this.windowBytes);
      this.windowAt = this.allocate(this.windowBytes);
    }
    return { xw: this.windowAt, target: this.windowAt + T * 6 * H * 4 };
  }

  /** Runs both directions, leaving the target sums and window maxima at `r.sum` and `r.max`. */
  read(r: KernelReader, H: number, T: number, xw: number, target: number): void {
    const f64 = this.f64;
    f64.fill(0, r.sum / 8, r.sum / 8 + 2 * H);
    f64.fill(-Infinity, r.max / 8, r.max / 8 + 2 * H);
    for (let d = 0; d < 2; d += 1) {
      this.exports.direction(
        T, d, H, r.uzr + d * H * 2 * H * 8, r.un + d * H * H * 8, xw,
        target, r.h, r.gates, r.rh, r.sum + d * H * 8, r.max + d * H * 8, r.tmp,
      );
    }
  }
}

let kernel: GruKernel | null | undefined;

/** The process's kernel, or null where WebAssembly SIMD is not available (the JavaScript loop runs). */
export function gruKernel(): GruKernel | null {
  if (kernel !== undefined) return kernel;
  const bytes = new Uint8Array(Buffer.from(GRU_KERNEL_WASM, 'base64'));
  kernel = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new GruKernel(bytes) : null;
  return kernel;
}
