#!/usr/bin/env python3
"""Prints the Markdown table of a JMH JSON result (default perf/target/jmh-result.json): throughput with its error,
ns/op, gc.alloc.rate.norm, and each Ticklane benchmark's throughput divided by its reference's from the same file."""
import json
import sys
from pathlib import Path

# Ticklane benchmark -> its reference in the same class (same parameters, except those only Ticklane has).
REFERENCE = {
    "L2ApplyBenchmark.ticklaneFeed": "L2ApplyBenchmark.treeMap",
    "L2ApplyBenchmark.ticklaneSetLevel": "L2ApplyBenchmark.treeMap",
    "L3BookBenchmark.ticklane": "L3BookBenchmark.objectPerOrder",
    "BestPriceBenchmark.ticklaneBest": "BestPriceBenchmark.treeMapBest",
    "BestPriceBenchmark.ticklaneTop": "BestPriceBenchmark.treeMapTop",
    "SbeDecodeBenchmark.ticklane": "SbeDecodeBenchmark.objectPerMessage",
    "RiskGateBenchmark.ticklaneNewOrder": "RiskGateBenchmark.mapNewOrder",
    "RiskGateBenchmark.ticklaneReplace": "RiskGateBenchmark.mapReplace",
    "RiskGateBenchmark.ticklaneCancel": "RiskGateBenchmark.mapCancel",
    "JournalAppendBenchmark.ticklane": "JournalAppendBenchmark.fileChannel",
    "RingHopBenchmark.ticklane": "RingHopBenchmark.arrayBlockingQueue",
}


def number(value):
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def main():
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "target" / "jmh-result.json")
    rows = {}
    for run in json.loads(path.read_text()):
        name = ".".join(run["benchmark"].split(".")[-2:])
        params = run.get("params", {})
        primary = run["primaryMetric"]
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        rows[(name, tuple(sorted(params.items())))] = (params, primary, alloc)

    print("| benchmark | params | ops/s | ± error (99.9%) | ns/op | B/op (gc.alloc.rate.norm) | Ticklane / reference |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for (name, key), (params, primary, alloc) in sorted(rows.items()):
        ratio = ""
        if name in REFERENCE:
            for (other, other_key), (other_params, other_primary, _) in rows.items():
                if other == REFERENCE[name] and all(params.get(k) == v for k, v in other_params.items()):
                    ratio = f"{primary['score'] / other_primary['score']:.1f}×"
        bytes_per_op = "n/a" if alloc is None else f"{alloc['score']:.3f}"
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        if primary["scoreUnit"] == "ns/op":  # average-time benchmarks: the error is in ns/op
            print(f"| {name} | {shown} | {number(1e9 / primary['score'])} | ±{primary['scoreError']:.1f} ns/op | "
                  f"{primary['score']:.1f} | {bytes_per_op} | {ratio} |")
        else:
            print(f"| {name} | {shown} | {number(primary['score'])} | {number(primary['scoreError'])} | "
                  f"{1e9 / primary['score']:.1f} | {bytes_per_op} | {ratio} |")


if __name__ == "__main__":
    main()
