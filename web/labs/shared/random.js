// The labs' own seeded generators of numbers in [0, 1), the same sequence in every browser: for
// what a lab draws itself (an exercise's numbers, a sequence, a random search's trials), never
// for what the core draws from its own seeds.
//
//   generator(seed)  mulberry32 from a 32-bit seed (0 … MAX_SEED_32)
//   random(seed)     mulberry32 over both halves of a seed up to 2⁵³ − 1
export const MAX_SEED_32 = 2 ** 32 - 1;

// mulberry32: a small, fast 32-bit generator.
function mulberry32(state) {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

export const generator = (seed) => mulberry32(seed);

export const random = (seed) => mulberry32((Math.floor(seed / 2 ** 32) * 0x9e3779b1 ^ seed >>> 0) >>> 0);
