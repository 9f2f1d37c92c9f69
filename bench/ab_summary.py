"""Tables for bench/ab.sh from its runs.jsonl: per round, per variant (medians over rounds), and the warm-up curves.

Usage: python3 bench/ab_summary.py target/ab/runs.jsonl  (prints Markdown)
"""
import json
import statistics
import sys
from collections import defaultdict


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=0):
    if value is None:
        return "—"
    return f"{value:,.{digits}f}"


def spread(values, digits=0):
    values = [v for v in values if v is not None]
    if not values:
        return "—"
    return f"{fmt(med(values), digits)} ({fmt(min(values), digits)}–{fmt(max(values), digits)})"


def settled_after(warm, steady, window_s):
    """Seconds of load until the first window whose CPU per request is within 25 % of the round's steady c=64 CPU."""
    if steady is None:
        return None
    for w in sorted(warm, key=lambda c: c["rep"]):
        if w["cpu_us_per_req"] is not None and w["cpu_us_per_req"] <= 1.25 * steady:
            return w["rep"] * window_s
    return None


def main(path):
    rounds, cells = [], defaultdict(list)
    with open(path) as lines:
        for line in lines:
            row = json.loads(line)
            if row.get("phase") == "round":
                rounds.append(row)
            elif row.get("phase") == "measure":
                cells[(row["round"], row["case"], row["row"], row["column"])].append(row)

    def cell(round_, row, column, field, case="measure"):
        return med([c[field] for c in cells.get((round_, case, row, column), [])])

    columns = sorted({k[3] for k in cells if k[1] == "measure"})
    window_s = med([c["seconds"] for k, cs in cells.items() if k[1] == "warm" for c in cs]) or 10
    window_s = round(window_s)

    def settled(round_):
        warm = cells.get((round_, "warm", "gateway", "c64"), [])
        return settled_after(warm, cell(round_, "gateway", "c64", "cpu_us_per_req"), window_s)

    def warm_requests(round_):
        warm = cells.get((round_, "warm", "gateway", "c64"), [])
        return sum(c["requests"] for c in warm) if warm else None

    print("## Per round (median of the repetitions in the round)\n")
    print("settled s: seconds of c=64 load until the first warm-up window whose CPU per request is within 25 % of the"
          " round's measured c=64 CPU per request.\n")
    header = ["round", "variant", "load before", "load after", "ready s", "first 200 s", "settled s", "warm-up requests"]
    for column in columns:
        header += [f"gateway {column} req/s", f"gateway {column} CPU µs/req", f"gateway {column} p99 ms"]
    header += ["direct c64 req/s", "RSS MB (end)"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rounds:
        n = r["round"]
        out = [str(n), r["variant"], r["load_before"], r["load_after"], r["ready_s"], r["first_200_s"],
               fmt(settled(n)), fmt(warm_requests(n))]
        for column in columns:
            out += [fmt(cell(n, "gateway", column, "rps")), fmt(cell(n, "gateway", column, "cpu_us_per_req")),
                    fmt(cell(n, "gateway", column, "p99_ms"), 1)]
        out += [fmt(cell(n, "direct", "c64", "rps")), str(r["rss_end_mb"])]
        print("| " + " | ".join(str(x) for x in out) + " |")

    variants = sorted({r["variant"] for r in rounds})
    print("\n## Per variant: median (min–max) of the rounds' medians\n")
    header = ["variant", "JDK", "options", "rounds", "ready s", "first 200 s", "settled s", "warm-up requests"]
    for column in columns:
        header += [f"gateway {column} req/s", f"gateway {column} CPU µs/req", f"gateway {column} p50 ms",
                   f"gateway {column} p99 ms"]
    header += ["direct c64 req/s", "RSS MB (end)"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for v in variants:
        rs = [r for r in rounds if r["variant"] == v]
        ns = [r["round"] for r in rs]
        out = [v, rs[0]["java"], f"`{rs[0]['opts']}`", str(len(rs)), spread([float(r["ready_s"]) for r in rs], 1),
               spread([float(r["first_200_s"]) for r in rs], 1), spread([settled(n) for n in ns]),
               spread([warm_requests(n) for n in ns])]
        for column in columns:
            out += [spread([cell(n, "gateway", column, "rps") for n in ns]),
                    spread([cell(n, "gateway", column, "cpu_us_per_req") for n in ns]),
                    spread([cell(n, "gateway", column, "p50_ms") for n in ns], 2),
                    spread([cell(n, "gateway", column, "p99_ms") for n in ns], 1)]
        out += [spread([cell(n, "direct", "c64", "rps") for n in ns]), spread([r["rss_end_mb"] for r in rs])]
        print("| " + " | ".join(out) + " |")

    reps = sorted({c["rep"] for k, cs in cells.items() if k[1] == "warm" for c in cs})
    if not reps:
        return
    print("\n## Warm-up: gateway CPU µs per request (and req/s) in consecutive windows at c=64 from the first request,"
          " median over the variant's rounds\n")
    print("| window | " + " | ".join(f"{v} CPU µs/req | {v} req/s" for v in variants) + " |")
    print("|---|" + "---|---|" * len(variants))
    for rep in reps:
        out = [str(rep)]
        for v in variants:
            ns = [r["round"] for r in rounds if r["variant"] == v]
            warm = [c for n in ns for c in cells.get((n, "warm", "gateway", "c64"), []) if c["rep"] == rep]
            out += [spread([c["cpu_us_per_req"] for c in warm]), fmt(med([c["rps"] for c in warm]))]
        print("| " + " | ".join(out) + " |")


if __name__ == "__main__":
    main(sys.argv[1])
