// Runs one benchmark section in this process and prints its result as one JSON line:
// node bench/child.mjs <section> '<json options>'. The parent (run.mjs) starts one process
// per section so each measures its own peak memory and a failure stays contained.
const [section, options = '{}'] = process.argv.slice(2);
const { default: run } = await import(`./sections/${section}.mjs`);
const result = await run(JSON.parse(options));
process.stdout.write(`${JSON.stringify(result)}\n`);
