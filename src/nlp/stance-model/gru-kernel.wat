;; One direction of the GRU reader over a mention's window, two hidden units per f64x2 lane pair.
;; It repeats gru.ts's readDirection operation for operation (same double-precision products and
;; sums in the same order, no fused multiply-add, fastExp's table and polynomial), so its states
;; equal the JavaScript reader's to the bit; only the work is done two units at a time.
;; Built into gru-kernel-wasm.ts by `npm run build:gru-kernel`; a test checks the two agree.
;;
;; Memory, written by gru-kernel.ts before any call (byte offsets):
;;   0 SCALE, 8 0.5, 16 STEP_HI, 24 STEP_LO, 32 1, 40 1/6, 48 1/24, 56 1/120, 64 -700, 72 700,
;;   80 +Infinity, 88 2, 96 -2; 128 FRACTIONS (64 f64); 640 POWERS (2100 f64); the rest is
;;   the caller's (weights and buffers).
(module
  (memory (export "memory") 1)

;; Node 20's V8 does not inline wasm calls, so the exponential works on a whole array per call,
  ;; its constants loaded once.
  ;; a[i] = fastExp(a[i]) for i < n (n even).
  (func $expAll (param $a i32) (param $n i32)
    (local $scale v128) (local $half v128) (local $hi v128) (local $lo v128) (local $one v128)
    (local $c6 v128) (local $c24 v128) (local $c120 v128) (local $min v128) (local $max v128) (local $inf v128)
    (local $i i32) (local $at i32)
    (local $x v128) (local $xc v128) (local $kf v128) (local $r v128) (local $p v128) (local $k v128)
    (local $k0 i32) (local $k1 i32) (local $res v128)
    (local.set $scale (v128.load64_splat (i32.const 0)))
    (local.set $half (v128.load64_splat (i32.const 8)))
    (local.set $hi (v128.load64_splat (i32.const 16)))
    (local.set $lo (v128.load64_splat (i32.const 24)))
    (local.set $one (v128.load64_splat (i32.const 32)))
    (local.set $c6 (v128.load64_splat (i32.const 40)))
    (local.set $c24 (v128.load64_splat (i32.const 48)))
    (local.set $c120 (v128.load64_splat (i32.const 56)))
    (local.set $min (v128.load64_splat (i32.const 64)))
    (local.set $max (v128.load64_splat (i32.const 72)))
    (local.set $inf (v128.load64_splat (i32.const 80)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $at (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $x (v128.load (local.get $at)))
        ;; Clamped only to keep the table reads in range; out-of-range lanes are replaced below.
        (local.set $xc (f64x2.pmin (f64x2.pmax (local.get $x) (local.get $min)) (local.get $max)))
        (local.set $kf (f64x2.floor (f64x2.add (f64x2.mul (local.get $xc) (local.get $scale)) (local.get $half))))
        (local.set $r (f64x2.sub
          (f64x2.sub (local.get $xc) (f64x2.mul (local.get $kf) (local.get $hi)))
          (f64x2.mul (local.get $kf) (local.get $lo))))
        ;; 1 + r(1 + r(0.5 + r(1/6 + r(1/24 + r/120))))
        (local.set $p (f64x2.add (local.get $c24) (f64x2.mul (local.get $r) (local.get $c120))))
        (local.set $p (f64x2.add (local.get $c6) (f64x2.mul (local.get $r) (local.get $p))))
        (local.set $p (f64x2.add (local.get $half) (f64x2.mul (local.get $r) (local.get $p))))
        (local.set $p (f64x2.add (local.get $one) (f64x2.mul (local.get $r) (local.get $p))))
        (local.set $p (f64x2.add (local.get $one) (f64x2.mul (local.get $r) (local.get $p))))
        (local.set $k (i32x4.trunc_sat_f64x2_s_zero (local.get $kf)))
        (local.set $k0 (i32x4.extract_lane 0 (local.get $k)))
        (local.set $k1 (i32x4.extract_lane 1 (local.get $k)))
        (local.set $res (f64x2.mul
          (f64x2.mul (local.get $p)
            (f64x2.replace_lane 1
              (v128.load64_splat (i32.add (i32.const 128) (i32.shl (i32.and (local.get $k0) (i32.const 63)) (i32.const 3))))
              (f64.load (i32.add (i32.const 128) (i32.shl (i32.and (local.get $k1) (i32.const 63)) (i32.const 3))))))
          (f64x2.replace_lane 1
            (v128.load64_splat (i32.add (i32.const 640) (i32.shl (i32.add (i32.shr_s (local.get $k0) (i32.const 6)) (i32.const 1050)) (i32.const 3))))
            (f64.load (i32.add (i32.const 640) (i32.shl (i32.add (i32.shr_s (local.get $k1) (i32.const 6)) (i32.const 1050)) (i32.const 3)))))))
        ;; x ≤ -700 gives 0 and x > 700 gives +Infinity, as fastExp returns them.
        (local.set $res (v128.bitselect (v128.const i64x2 0 0) (local.get $res) (f64x2.le (local.get $x) (local.get $min))))
        (v128.store (local.get $at) (v128.bitselect (local.get $inf) (local.get $res) (f64x2.gt (local.get $x) (local.get $max))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $each))))

  ;; out[j] = init[j] (f32) + Σ_k x[k]·W[k·m + j] for j < m (m even), each sum in k order.
  (func $matvec (param $out i32) (param $init i32) (param $x i32) (param $W i32) (param $n i32) (param $m i32)
    (local $j i32) (local $k i32) (local $r i32) (local $stride i32) (local $xk v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $stride (i32.shl (local.get $m) (i32.const 3)))
    (block $done8
      (loop $block8
        (br_if $done8 (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $m)))
        (local.set $a0 (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $a1 (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $a2 (f64x2.promote_low_f32x4 (v128.load64_zero offset=16 (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $a3 (f64x2.promote_low_f32x4 (v128.load64_zero offset=24 (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $k (i32.const 0))
        (local.set $r (i32.add (local.get $W) (i32.shl (local.get $j) (i32.const 3))))
        (block $doneK
          (loop $eachK
            (br_if $doneK (i32.ge_u (local.get $k) (local.get $n)))
            (local.set $xk (v128.load64_splat (i32.add (local.get $x) (i32.shl (local.get $k) (i32.const 3)))))
            (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $xk) (v128.load (local.get $r)))))
            (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $xk) (v128.load offset=16 (local.get $r)))))
            (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $xk) (v128.load offset=32 (local.get $r)))))
            (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $xk) (v128.load offset=48 (local.get $r)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (local.set $r (i32.add (local.get $r) (local.get $stride)))
            (br $eachK)))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))) (local.get $a0))
        (v128.store offset=16 (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))) (local.get $a1))
        (v128.store offset=32 (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))) (local.get $a2))
        (v128.store offset=48 (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))) (local.get $a3))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $block8)))
    (block $done2
      (loop $block2
        (br_if $done2 (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $m)))
        (local.set $a0 (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $k (i32.const 0))
        (local.set $r (i32.add (local.get $W) (i32.shl (local.get $j) (i32.const 3))))
        (block $doneK2
          (loop $eachK2
            (br_if $doneK2 (i32.ge_u (local.get $k) (local.get $n)))
            (local.set $a0 (f64x2.add (local.get $a0)
              (f64x2.mul (v128.load64_splat (i32.add (local.get $x) (i32.shl (local.get $k) (i32.const 3)))) (v128.load (local.get $r)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (local.set $r (i32.add (local.get $r) (local.get $stride)))
            (br $eachK2)))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))) (local.get $a0))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $block2))))

  ;; One direction (d 0 forward, 1 backward) over T tokens of H units (H even).
  ;;   xw: f32 [T][2][3H] input projections; uzr: f64 [H][2H] and un: f64 [H][H] of this direction;
  ;;   target: u8 [T]; h: f64 [H]; gates: f64 [2H]; rh: f64 [H]; sum, max: f64 [H] of this direction;
  ;;   tmp: f64 [2H] scratch.
  (func (export "direction")
    (param $T i32) (param $d i32) (param $H i32) (param $uzr i32) (param $un i32) (param $xw i32)
    (param $target i32) (param $h i32) (param $gates i32) (param $rh i32) (param $sum i32) (param $max i32)
    (param $tmp i32)
    (local $s i32) (local $t i32) (local $in i32) (local $j i32) (local $o i32) (local $inTarget i32) (local $H8 i32)
    (local $z v128) (local $hj v128) (local $m v128) (local $one v128) (local $two v128) (local $minusTwo v128)
    (local.set $H8 (i32.shl (local.get $H) (i32.const 3)))
    (local.set $one (v128.load64_splat (i32.const 32)))
    (local.set $two (v128.load64_splat (i32.const 88)))
    (local.set $minusTwo (v128.load64_splat (i32.const 96)))
    (local.set $j (i32.const 0))
    (block $zeroed
      (loop $zero
        (br_if $zeroed (i32.ge_u (local.get $j) (local.get $H)))
        (v128.store (i32.add (local.get $h) (i32.shl (local.get $j) (i32.const 3))) (v128.const i64x2 0 0))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $zero)))
    (block $read
      (loop $step
        (br_if $read (i32.ge_u (local.get $s) (local.get $T)))
        (local.set $t (select
          (local.get $s)
          (i32.sub (i32.sub (local.get $T) (i32.const 1)) (local.get $s))
          (i32.eqz (local.get $d))))
        ;; this token's projection for this direction: (t·6H + d·3H) floats in
        (local.set $in (i32.add (local.get $xw)
          (i32.shl (i32.mul (local.get $H) (i32.add (i32.mul (local.get $t) (i32.const 6)) (i32.mul (local.get $d) (i32.const 3)))) (i32.const 2))))
        (call $matvec (local.get $gates) (local.get $in) (local.get $h) (local.get $uzr) (local.get $H) (i32.shl (local.get $H) (i32.const 1)))
;; e = exp(-r), exp(-z) into tmp[0..2H); then rh = h ⊙ 1/(1 + e_r) and z = 1/(1 + e_z) in gates[H..2H)
        (local.set $j (i32.const 0))
        (block $negated
          (loop $negate
            (br_if $negated (i32.ge_u (local.get $j) (local.get $H)))
            (local.set $o (i32.shl (local.get $j) (i32.const 3)))
            (v128.store (i32.add (local.get $tmp) (local.get $o))
              (f64x2.neg (v128.load (i32.add (local.get $gates) (i32.add (local.get $o) (local.get $H8))))))
            (v128.store (i32.add (local.get $tmp) (i32.add (local.get $o) (local.get $H8)))
              (f64x2.neg (v128.load (i32.add (local.get $gates) (local.get $o)))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $negate)))
        (call $expAll (local.get $tmp) (i32.shl (local.get $H) (i32.const 1)))
        (local.set $j (i32.const 0))
        (block $gated
          (loop $gate
            (br_if $gated (i32.ge_u (local.get $j) (local.get $H)))
            (local.set $o (i32.shl (local.get $j) (i32.const 3)))
            (v128.store (i32.add (local.get $rh) (local.get $o))
              (f64x2.mul (v128.load (i32.add (local.get $h) (local.get $o)))
                (f64x2.div (local.get $one) (f64x2.add (local.get $one) (v128.load (i32.add (local.get $tmp) (local.get $o)))))))
            (v128.store (i32.add (local.get $gates) (i32.add (local.get $o) (local.get $H8)))
              (f64x2.div (local.get $one) (f64x2.add (local.get $one) (v128.load (i32.add (local.get $tmp) (i32.add (local.get $o) (local.get $H8)))))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $gate)))
        (call $matvec (local.get $gates) (i32.add (local.get $in) (local.get $H8))
          (local.get $rh) (local.get $un) (local.get $H) (local.get $H))
        ;; tanh(n) = 2/(1 + exp(-2n)) - 1
        (local.set $j (i32.const 0))
        (block $doubled
          (loop $double
            (br_if $doubled (i32.ge_u (local.get $j) (local.get $H)))
            (local.set $o (i32.shl (local.get $j) (i32.const 3)))
            (v128.store (i32.add (local.get $tmp) (local.get $o))
              (f64x2.mul (local.get $minusTwo) (v128.load (i32.add (local.get $gates) (local.get $o)))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $double)))
        (call $expAll (local.get $tmp) (local.get $H))
        (local.set $inTarget (i32.load8_u (i32.add (local.get $target) (local.get $t))))
        (local.set $j (i32.const 0))
        (block $hdone
          (loop $state
            (br_if $hdone (i32.ge_u (local.get $j) (local.get $H)))
            (local.set $o (i32.shl (local.get $j) (i32.const 3)))
            (local.set $z (v128.load (i32.add (local.get $gates) (i32.add (local.get $o) (local.get $H8)))))
            (local.set $hj (f64x2.add
              (f64x2.mul (f64x2.sub (local.get $one) (local.get $z))
                (f64x2.sub (f64x2.div (local.get $two) (f64x2.add (local.get $one) (v128.load (i32.add (local.get $tmp) (local.get $o))))) (local.get $one)))
              (f64x2.mul (local.get $z) (v128.load (i32.add (local.get $h) (local.get $o))))))
            (v128.store (i32.add (local.get $h) (local.get $o)) (local.get $hj))
            (if (local.get $inTarget)
              (then (v128.store (i32.add (local.get $sum) (local.get $o))
                (f64x2.add (v128.load (i32.add (local.get $sum) (local.get $o))) (local.get $hj)))))
            (local.set $m (v128.load (i32.add (local.get $max) (local.get $o))))
            (v128.store (i32.add (local.get $max) (local.get $o))
              (v128.bitselect (local.get $hj) (local.get $m) (f64x2.gt (local.get $hj) (local.get $m))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $state)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $step))))
)
