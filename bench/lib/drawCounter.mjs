// Counts the uniform draws a run makes, without touching the library: every stream is a
// seedrandom `alea` generator made through `seedrandom.alea`, so wrapping that factory counts
// every draw. Each stream's draws go to the cell of its seed text, which src/core/rng/stream.ts
// writes as "wuhou-sim|seed|replication|owner|purpose": so the counts can also be read by
// owner (population, supermarket, insurance, pairing, engine) and by owner|purpose.
// Only for counting runs: the wrapper itself costs time.
import seedrandom from 'seedrandom';

/** Draw count per stream key ("owner|purpose"); kept across resets so live streams keep counting. */
const cells = new Map();
let original;

/** The owner and purpose of a stream from its alea seed; seeds not made by randomStream go under '(other)'. */
export function streamKey(seedText) {
  const fields = String(seedText).split('|');
  if (fields[0] === 'wuhou-sim' && fields.length >= 5) return { owner: fields[3], purpose: fields.slice(4).join('|') };
  return { owner: '(other)', purpose: String(seedText) };
}

function cellFor(seedText) {
  const { owner, purpose } = streamKey(seedText);
  const key = `${owner}|${purpose}`;
  let cell = cells.get(key);
  if (!cell) cells.set(key, (cell = { owner, key, n: 0 }));
  return cell;
}

const total = () => {
  let n = 0;
  for (const cell of cells.values()) n += cell.n;
  return n;
};

/** Starts counting (idempotent) and sets every count to zero; returns a function that reads the total count. */
export function countDraws() {
  if (!original) {
    original = seedrandom.alea;
    seedrandom.alea = (...args) => {
      const prng = original(...args);
      const cell = cellFor(args[0]);
      const counted = () => {
        cell.n++;
        return prng();
      };
      return Object.assign(counted, { int32: prng.int32, double: prng.double, quick: counted });
    };
  }
  for (const cell of cells.values()) cell.n = 0;
  return total;
}

/** Draws since the last countDraws(), by stream owner ({ population: n, supermarket: n, … }); owners that drew nothing are left out. */
export function drawsByOwner() {
  const out = {};
  for (const cell of cells.values()) if (cell.n > 0) out[cell.owner] = (out[cell.owner] ?? 0) + cell.n;
  return out;
}

/** Draws since the last countDraws(), by "owner|purpose", sorted by key; streams that drew nothing are left out. */
export function drawsByStream() {
  const out = {};
  for (const key of [...cells.keys()].sort()) if (cells.get(key).n > 0) out[key] = cells.get(key).n;
  return out;
}

/** Stops counting: streams made afterwards are the plain generator again. */
export function stopCounting() {
  if (original) seedrandom.alea = original;
  original = undefined;
}
