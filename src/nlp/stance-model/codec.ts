/** Base64 <-> typed arrays, little-endian, without Node's Buffer so the model also runs in a browser. */

function toBytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function fromBytes(bytes: Uint8Array): string {
  let bin = '';
  // Chunks keep String.fromCharCode below the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

export function decodeInt8(base64: string): Int8Array {
  const b = toBytes(base64);
  return new Int8Array(b.buffer, b.byteOffset, b.length);
}

export function decodeInt16(base64: string): Int16Array {
  const view = new DataView(toBytes(base64).buffer);
  const out = new Int16Array(view.byteLength / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = view.getInt16(2 * i, true);
  return out;
}

export function decodeFloat32(base64: string): Float32Array {
  const view = new DataView(toBytes(base64).buffer);
  const out = new Float32Array(view.byteLength / 4);
  for (let i = 0; i < out.length; i += 1) out[i] = view.getFloat32(4 * i, true);
  return out;
}

export function encodeInt8(values: Int8Array): string {
  return fromBytes(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

export function encodeInt16(values: ArrayLike<number>): string {
  const view = new DataView(new ArrayBuffer(values.length * 2));
  for (let i = 0; i < values.length; i += 1) view.setInt16(2 * i, values[i] ?? 0, true);
  return fromBytes(new Uint8Array(view.buffer));
}

export function encodeFloat32(values: ArrayLike<number>): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  for (let i = 0; i < values.length; i += 1) view.setFloat32(4 * i, values[i] ?? 0, true);
  return fromBytes(new Uint8Array(view.buffer));
}

/** Symmetric int16 quantization: values ≈ q * scale. */
export function quantizeInt16(values: ArrayLike<number>): { q: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < values.length; i += 1) max = Math.max(max, Math.abs(values[i] ?? 0));
  const scale = max === 0 ? 1 : max / 32767;
  const q = new Int16Array(values.length);
  for (let i = 0; i < values.length; i += 1) q[i] = Math.round((values[i] ?? 0) / scale);
  return { q, scale };
}
