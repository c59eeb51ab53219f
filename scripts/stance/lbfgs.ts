/** Objective: writes the gradient at `w` into `grad` and returns the value. */
export type Objective = (w: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Memory of the inverse-Hessian approximation. */
  history?: number;
  /** Stop when the relative decrease of the value over 5 iterations falls below this. */
  tolerance?: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += a[i]! * b[i]!;
  return s;
}

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives such
 * as L2-regularised softmax regression. Full-batch and free of randomness: the same objective and
 * start give the same weights, bit for bit.
 */
export function minimizeLbfgs(f: Objective, w0: Float64Array, o: LbfgsOptions): { w: Float64Array; value: number; iterations: number } {
  const m = o.history ?? 10;
  const tol = o.tolerance ?? 1e-6;
  const n = w0.length;
  const w = Float64Array.from(w0);
  const g = new Float64Array(n);
  let value = f(w, g);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const rhos: number[] = [];
  const past: number[] = [value];
  const dir = new Float64Array(n);
  const wNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  let it = 0;
  for (; it < o.maxIterations; it += 1) {
    // Two-loop recursion: dir = -H·g.
    for (let i = 0; i < n; i += 1) dir[i] = -g[i]!;
    const alphas: number[] = [];
    for (let k = ss.length - 1; k >= 0; k -= 1) {
      const a = rhos[k]! * dot(ss[k]!, dir);
      alphas[k] = a;
      const y = ys[k]!;
      for (let i = 0; i < n; i += 1) dir[i] = dir[i]! - a * y[i]!;
    }
    if (ss.length > 0) {
      const last = ss.length - 1;
      const gamma = dot(ss[last]!, ys[last]!) / dot(ys[last]!, ys[last]!);
      for (let i = 0; i < n; i += 1) dir[i] = dir[i]! * gamma;
    }
    for (let k = 0; k < ss.length; k += 1) {
      const b = rhos[k]! * dot(ys[k]!, dir);
      const s = ss[k]!;
      for (let i = 0; i < n; i += 1) dir[i] = dir[i]! + (alphas[k]! - b) * s[i]!;
    }
    let slope = dot(dir, g);
    if (slope >= 0) {
      // Not a descent direction (curvature went wrong): restart from steepest descent.
      ss.length = ys.length = rhos.length = 0;
      for (let i = 0; i < n; i += 1) dir[i] = -g[i]!;
      slope = dot(dir, g);
    }
    let step = it === 0 ? 1 / Math.sqrt(dot(g, g)) : 1;
    let valueNew = Infinity;
    for (let tries = 0; tries < 30; tries += 1) {
      for (let i = 0; i < n; i += 1) wNew[i] = w[i]! + step * dir[i]!;
      valueNew = f(wNew, gNew);
      if (valueNew <= value + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(valueNew < value)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      s[i] = wNew[i]! - w[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      ss.push(s);
      ys.push(y);
      rhos.push(1 / sy);
      if (ss.length > m) {
        ss.shift();
        ys.shift();
        rhos.shift();
      }
    }
    w.set(wNew);
    g.set(gNew);
    value = valueNew;
    past.push(value);
    const back = past[Math.max(0, past.length - 6)]!;
    if (past.length > 5 && (back - value) / Math.max(Math.abs(value), 1e-12) < tol) break;
  }
  return { w, value, iterations: it };
}
