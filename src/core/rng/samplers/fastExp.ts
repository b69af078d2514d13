/**
 * e^x within 2 ulps of Math.exp, small enough for V8 to inline into a sampling loop: Math.exp
 * is a call into C that V8 never inlines, and in the population's income loop it cost more
 * than the normal draw itself. Tang's table method: x = (64k + j)·ln2/64 + r with |r| ≤ ln2/128,
 * so e^x = 2^k · 2^(j/64) · e^r, and e^r is a degree-5 polynomial (error below 1e-16).
 */
const TABLE = 64;
/** 2^(j/64), j = 0 … 63. */
const TWO_TO_J = new Float64Array(TABLE);
for (let j = 0; j < TABLE; j++) TWO_TO_J[j] = Math.pow(2, j / TABLE);
/** 2^k for k = −1022 … 1023 (normal numbers only: outside that range Math.exp is used). */
const MIN_K = -1022;
const TWO_TO_K = new Float64Array(1023 - MIN_K + 1);
for (let k = MIN_K; k <= 1023; k++) TWO_TO_K[k - MIN_K] = Math.pow(2, k);
const TABLE_OVER_LN2 = TABLE / Math.LN2;
// ln2/64 in two parts (fdlibm's ln2_hi has 32 significant bits, so n·LN2_HI is exact for
// |n| < 2^21): the reduced argument keeps full precision even for large |x|.
const LN2_HI = 6.9314718036912381649e-1 / TABLE;
const LN2_LO = 1.9082149292705877e-10 / TABLE;
/** Beyond these the result would be subnormal or overflow: left to Math.exp, as are NaN and ±∞. */
const FAST_MIN = -708;
const FAST_MAX = 709;

/** e^x, within 2 ulps of Math.exp (the same value for NaN, ±∞ and outside [−708, 709]). */
export function fastExp(x: number): number {
  if (!(x >= FAST_MIN && x <= FAST_MAX)) return Math.exp(x);
  const n = Math.floor(x * TABLE_OVER_LN2 + 0.5);
  const r = x - n * LN2_HI - n * LN2_LO;
  const j = n & (TABLE - 1);
  const k = (n - j) / TABLE;
  const q = r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  const t = TWO_TO_J[j]!;
  return TWO_TO_K[k - MIN_K]! * (t + t * q);
}
