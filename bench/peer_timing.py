"""Times the numpy peer's own `year` function with CPU time as well as wall time.

Usage: python3 peer_timing.py PEER_FILE [households] [months]
Loads the peer's source without its final `main()` call and times `year(n, months, rng)` the
way the peer's main does (same warm-up, same generator), adding time.process_time() so the
peer and the TypeScript code can be compared per CPU-second on a machine shared with other
work. Prints one JSON object."""
import json, sys, time

path = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
months = int(sys.argv[3]) if len(sys.argv) > 3 else 12
source = open(path, encoding="utf-8").read()
body = source.rstrip()
if body.endswith("main()"):
    body = body[: -len("main()")]
namespace = {"__name__": "peer"}
exec(compile(body, path, "exec"), namespace)
np = namespace["np"]
rng = np.random.default_rng(1)
namespace["year"](10_000, 1, rng)
best = None
for _ in range(3):
    c, t = time.process_time(), time.perf_counter()
    namespace["year"](n, months, rng)
    cpu, wall = time.process_time() - c, time.perf_counter() - t
    if best is None or cpu < best[0]:
        best = (cpu, wall)
print(json.dumps({"households": n, "months": months, "cpuS": best[0], "wallS": best[1],
                  "householdMonthsPerCpuS": n * months / best[0], "householdMonthsPerWallS": n * months / best[1],
                  "numpy": np.__version__}))
