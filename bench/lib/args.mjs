// Command-line options of `npm run bench -- [options]`.
const USAGE = `usage: npm run bench -- [--json] [--quick] [--scales 10k,100k,1M,10M] [--skip parts,peer,sweep,cli,insurance,supermarket] [--heap MB]
  --json     print one JSON object (progress still goes to stderr)
  --quick    scales up to 1M and fewer repeats (a few minutes less)
  --scales   population sizes in households for the full baseline year
  --skip     sections to leave out (parts: the overhead ratio by part)
  --heap     --max-old-space-size of each measuring process (default 4096)`;

/** Parses a household count such as 10k, 1M, 2500000. */
export function parseCount(text) {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`not a household count: ${text}`);
  const scale = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[m[2]];
  return Math.round(Number(m[1]) * scale);
}

export function parseArgs(argv) {
  const o = { json: false, quick: false, scales: null, skip: new Set(), heapMb: 4096 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--json') o.json = true;
    else if (a === '--quick') o.quick = true;
    else if (a.startsWith('--scales')) o.scales = value().split(',').map(parseCount);
    else if (a.startsWith('--skip')) for (const s of value().split(',')) o.skip.add(s.trim());
    else if (a.startsWith('--heap')) o.heapMb = parseCount(value());
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  o.scales ??= o.quick ? [10_000, 100_000, 1_000_000] : [10_000, 100_000, 1_000_000, 10_000_000];
  return o;
}
