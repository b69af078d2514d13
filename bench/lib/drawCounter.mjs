// Counts the uniform draws a run makes, without touching the library: every stream is a
// seedrandom `alea` generator made through `seedrandom.alea`, so wrapping that factory counts
// every draw. Only for counting runs: the wrapper itself costs time.
import seedrandom from 'seedrandom';

let draws = 0;
let original;

/** Starts counting (idempotent); returns a function that reads the count. */
export function countDraws() {
  if (!original) {
    original = seedrandom.alea;
    seedrandom.alea = (...args) => {
      const prng = original(...args);
      const counted = () => {
        draws++;
        return prng();
      };
      return Object.assign(counted, { int32: prng.int32, double: prng.double, quick: counted });
    };
  }
  draws = 0;
  return () => draws;
}

/** Stops counting: streams made afterwards are the plain generator again. */
export function stopCounting() {
  if (original) seedrandom.alea = original;
  original = undefined;
}
