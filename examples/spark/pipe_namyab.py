#!/usr/bin/env python3
"""namyab at scale with Spark: every document through `RDD.pipe`, checked.

    pip install pyspark        # and a Java runtime (11 or later)
    cargo build --release
    python3 examples/spark/pipe_namyab.py [--binary target/release/namyab]
        [--corpus benches/corpus/news.jsonl] [--partitions 4]

Runs pyspark in local mode. Each partition's documents go to one namyab
process through its standard input, one JSONL line each
(`--input jsonl --format jsonl`); `--on-error record` puts
`{"id": ..., "error": ...}` in place of a bad line, so that every input line
has exactly one output line and a bad line neither kills the task (exit 0)
nor vanishes. One line that is not JSON is slipped into the corpus.

Checks, per partition: as many outputs as inputs, the same ids in the same
order, and the bad line recorded at its place (its id is `-:LINE`, the line
of that partition's standard input, since a line that is no JSON has no id
of its own). Exits 1 if any check fails.
"""
import argparse
import json
import os
import shlex
import sys

BAD_LINE = "this line is not JSON {"


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(root, "target", "release", "namyab"))
    ap.add_argument("--corpus", default=os.path.join(root, "benches", "corpus", "news.jsonl"))
    ap.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args()

    from pyspark import SparkConf, SparkContext

    with open(args.corpus, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    bad_at = len(lines) // 3
    lines.insert(bad_at, BAD_LINE)

    conf = SparkConf().setMaster(f"local[{args.partitions}]").setAppName("namyab-pipe")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        rdd = sc.parallelize(lines, args.partitions)
        command = [args.binary, "extract", "--input", "jsonl", "--format", "jsonl", "--on-error", "record"]
        out = rdd.pipe(" ".join(shlex.quote(c) for c in command))
        inputs = rdd.glom().collect()
        outputs = out.glom().collect()
    finally:
        sc.stop()

    problems = []
    documents = recorded = 0
    for part, (ins, outs) in enumerate(zip(inputs, outputs)):
        if len(ins) != len(outs):
            problems.append(f"partition {part}: {len(ins)} lines in, {len(outs)} out")
            continue
        for n, (line_in, line_out) in enumerate(zip(ins, outs), start=1):
            got = json.loads(line_out)
            if line_in == BAD_LINE:
                want_id = f"-:{n}"
                if got.get("id") != want_id or "error" not in got:
                    problems.append(f"partition {part} line {n}: the bad line came back as {line_out[:120]}")
                recorded += 1
                continue
            want_id = json.loads(line_in)["id"]
            if got.get("id") != want_id or "entities" not in got:
                problems.append(f"partition {part} line {n}: expected {want_id}, got {line_out[:120]}")
            documents += 1
    print(f"{len(inputs)} partitions, {len(lines)} lines in, {documents} documents and {recorded} recorded error out")
    if recorded != 1:
        problems.append(f"{recorded} recorded errors, expected 1")
    for p in problems:
        print("FAIL:", p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print("every document came back once, in order within its partition; the bad line was recorded in its place")


if __name__ == "__main__":
    main()
