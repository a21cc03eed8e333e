"""The long fuzz run of issue 16: thousands of generated hostile inputs through every
command, each in a forked child with a time box, counted as clean error / accepted /
traceback / bad output / hang / crash (tests/hostile.py says how each is judged).

    nice .venv/bin/python scripts/fuzz_hostile.py --count 5000 --jobs 2 [--seed 1] [--keep DIR]

Inputs are mutations of real files (the sample scenarios, the shipped packs, a drawing the
planner exported) and of hostile values known to break parsers: huge and non-finite
numbers, deep nesting, lone surrogates, wrong types, cut-short files, nested blocks, broken
plugins, absurd options. The same seed gives the same inputs. Exit code 1 when anything
but a clean error or an accepted input was seen. The fast, bounded version of the same
classes is in tests/e2e/test_hostile_*.py.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile import VERDICTS, run_forked  # noqa: E402

SAMPLES = [ROOT / "resources" / "samples" / "new-community.geojson",
           ROOT / "resources" / "samples" / "old-community.geojson"]
PACKS = [ROOT / "plugins" / "wuhai" / "pack.toml", ROOT / "plugins" / "city_parking" / "pack.toml"]

HOSTILE_VALUES = [
    None, True, False, 0, -1, 1e308, -1e308, 1e-320, 2**63, -(2**63), 10**30, "", " ", "x" * 10_000,
    "\ud800", "a\udfffb", "名称\u0000", "\n\r", [], {}, [[[]]], {"a": {"b": {"c": []}}}, [1, 2],
    "NaN", "EPSG:4978", "EPSG:4326", "EPSG:999999", "+proj=geocent", "local", 3.5, -0.0,
]
RAW_TOKENS = ["NaN", "Infinity", "-Infinity", "9" * 5000, "1e999", "[" * 3000 + "]" * 3000,
              '"\\ud800"', '"\\udfff"', "{" * 100, "null", "1" * 4000 + ".5"]
EXPRESSIONS = ["10**10**10", "9**9**9", "-" * 500 + "1", "'ab' * 1000000000", "min()", "far / 0",
               "1e308 * 1e308", "(" * 300 + "1" + ")" * 300, "far ** 1e6", "households ** 0.5",
               "round(far, 10**9)", "ceil(1e308 * 10)", "sum_of('area', " + "['x'] " * 3 + ")",
               "abs(-far) % 0", "count_of(at_least=10**100)", "far if far else 1", "__import__('os')",
               "max(" + ", ".join(["far"] * 60) + ")", "1" * 5000, "far +", "λ", "\ud800"]
CRS = ["EPSG:4978", "EPSG:5773", "EPSG:4547+5773", "EPSG:4326", "EPSG:4490", "EPSG:2229",
       "EPSG:3031", "EPSG:4547", "EPSG:0", "local", "LOCAL", "+proj=longlat", "ENGCRS[\"x\"]", 5]
OPTION_VALUES = ["0", "-5", "nan", "inf", "-inf", "1e6", "3000", "1e308", "abc", "", "1" * 5000,
                 "30", "600", "fit", "1:1000", "1:0", "500", "\ud800", "--", "-1e-300"]
PLUGIN_BODIES = [
    "raise RuntimeError('boom')", "raise SystemExit(4)", "print('garbage on stdout')",
    "import sys; sys.stdout.write('{not json')", "from planner.plugins import hookimpl\n"
    "@hookimpl\ndef planner_file_formats():\n    return [1, 2]",
    "from planner.plugins import hookimpl\n@hookimpl\ndef planner_rule_packs():\n"
    "    return ['/dev/zero']",
    "from planner.plugins import hookimpl\nclass E(list):\n    def __iter__(self):\n"
    "        raise ValueError('x')\n@hookimpl\ndef planner_rule_packs():\n    return E([1])",
    "from planner.plugins import hookimpl\n@hookimpl\ndef planner_checks():\n    return 5",
    "from planner.i18n import Msg\nfrom planner.plugins import PluginIndicator, hookimpl\n"
    "@hookimpl\ndef planner_indicators():\n    return [PluginIndicator('x', Msg('x','x'), "
    "float('inf'))]",
    "import time\ntime.sleep(100)",
]
PACK_TOML = ['[pack]\nname = ["a"]\nversion = "1"\n', '[pack]\nname = "d"\nversion = "1"\nd = '
             + "[" * 5000 + "]" * 5000 + "\n", "[pack\n", "\x00\xff", '[pack]\nname = "ok"\n']


# -- generators: each returns (class, args, files {relative path: bytes}) --------------------
def mutate(value, rng: random.Random, depth: int = 0):
    """``value`` with one random part replaced by a hostile value (or removed)."""
    if isinstance(value, dict) and value and depth < 12:
        key = rng.choice(list(value))
        roll = rng.random()
        out = dict(value)
        if roll < 0.15:
            del out[key]
        elif roll < 0.6:
            out[key] = mutate(value[key], rng, depth + 1)
        else:
            out[key] = rng.choice(HOSTILE_VALUES)
        return out
    if isinstance(value, list) and value and depth < 12:
        out = list(value)
        i = rng.randrange(len(out))
        roll = rng.random()
        if roll < 0.1:
            out *= rng.choice([2, 50])
        elif roll < 0.6:
            out[i] = mutate(out[i], rng, depth + 1)
        else:
            out[i] = rng.choice(HOSTILE_VALUES)
        return out
    return rng.choice(HOSTILE_VALUES)


def scenario_text(rng: random.Random) -> bytes:
    data = json.loads(rng.choice(SAMPLES).read_text(encoding="utf-8"))
    for _ in range(rng.randint(1, 4)):
        data = mutate(data, rng)
    if isinstance(data, dict) and rng.random() < 0.2:
        meta = data.get("planner") if isinstance(data.get("planner"), dict) else {}
        data["planner"] = {**meta, "crs": rng.choice(CRS)}
    if isinstance(data, dict) and rng.random() < 0.1:
        data["crs"] = {"type": "name", "properties": rng.choice([["x"], {"name": 5}, "EPSG"])}
    text = json.dumps(data, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.25:  # a raw token JSON encoders would never write
        at = rng.randrange(len(text))
        text = text[:at] + rng.choice(RAW_TOKENS) + text[at:]
    raw = text.encode("utf-8", errors="surrogatepass")
    if rng.random() < 0.1:
        raw = raw[:rng.randrange(len(raw))]
    return raw


def scenario_case(rng: random.Random):
    roll = rng.random()
    if roll < 0.55:
        args = ["check", "in.geojson"] + (["--json"] if rng.random() < 0.7 else [])
    elif roll < 0.75:
        args = ["convert", "in.geojson", rng.choice(["out.cplan", "out.geojson"])]
    elif roll < 0.85:
        args = ["export", "in.geojson", "--format", rng.choice(["dxf", "csv", "xlsx", "geojson"]),
                "--out", "out.bin"]
    elif roll < 0.9:
        args = rng.choice([["compare", "in.geojson", str(SAMPLES[0]), "--json"],
                           ["audit", "in.geojson", "--json", "--jobs", "1"]])
    else:
        args = ["print", "in.geojson", "--out", rng.choice(["s.pdf", "s.png"]), "--dpi", "30"]
    return "scenario", args, {"in.geojson": scenario_text(rng)}


def pack_case(rng: random.Random):
    text = rng.choice(PACKS).read_text(encoding="utf-8")
    lines = text.splitlines()
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        line = lines[i]
        if "=" in line and not line.lstrip().startswith("#"):
            key = line.split("=", 1)[0]
            value = rng.choice([json.dumps(rng.choice(EXPRESSIONS)), "5", "1e308", "[\"a\"]",
                                "{ zh = 1 }", "\"#zzz\"", "true", "[" * 100 + "]" * 100,
                                "{ new = 1e308, existing = \"x\" }", "-inf", "nan"])
            lines[i] = f"{key}= {value}"
        elif rng.random() < 0.3:
            lines.insert(i, rng.choice(["[[checks]]", "[kinds]", "x = 5", "[services]",
                                        "[[checks.conditions]]", "[block_controls]"]))
    if rng.random() < 0.05:
        block = '[[checks]]\nid = "wuhai.n{i}"\ntitle = "n"\n  [[checks.conditions]]\n' \
                '  actual = "far"\n  min = 1\n'
        lines += [block.format(i=i) for i in range(rng.choice([1001, 5000]))]
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    args = rng.choice([["rules", "validate", "pack.toml"],
                       ["check", str(SAMPLES[0]), "--rules", "pack.toml", "--json"],
                       ["kinds", "--rules", "pack.toml"]])
    return "rule pack", args, {"pack.toml": data}


def dxf_case(rng: random.Random):
    import ezdxf

    doc = ezdxf.new(rng.choice(["R2000", "R2010", "R2018"]))
    doc.header["$INSUNITS"] = rng.choice([0, 4, 6, 6, 6, 13])
    msp = doc.modelspace()
    big = [1e308, -1e308, 1e9, 1e12, 0.0, 1e-300, 100.0]
    for _ in range(rng.randint(1, 6)):
        n = rng.randint(2, 6)
        points = [(rng.choice(big) if rng.random() < 0.15 else rng.uniform(0, 200),
                   rng.choice(big) if rng.random() < 0.15 else rng.uniform(0, 200),
                   rng.choice([0, 0, 0, 1, -1, 1e9, 1e-9, 1e300]) if rng.random() < 0.3 else 0)
                  for _ in range(n)]
        msp.add_lwpolyline(points, format="xyb", close=rng.random() < 0.8,
                           dxfattribs={"layer": rng.choice(["0", "红线", "CP-residential", "x" * 200])})
    if rng.random() < 0.3:
        previous = None
        for level in range(rng.randint(1, 9)):
            block = doc.blocks.new(f"B{level}")
            if previous is None:
                block.add_lwpolyline([(0, 0), (1, 0), (1, 1)], close=True)
            for i in range(rng.randint(1, 12) if previous else 0):
                block.add_blockref(previous, (i, 0))
            previous = f"B{level}"
        msp.add_blockref(previous, (0, 0))
    if rng.random() < 0.3:
        doc.appids.new("COMMUNITY_PLANNER")
        entity = msp.add_lwpolyline([(0, 0), (50, 0), (50, 50)], close=True)
        payload = rng.choice(['{"kind": "parcel", "attrs": [1]}', '{"kind": 5}', "[" * 500,
                              '{"kind": "residential", "attrs": {"floors": "x"}}', "not json",
                              json.dumps({"kind": "parcel", "settings": {"crs": 5}})])
        entity.set_xdata("COMMUNITY_PLANNER", [(1000, payload[:250])])
    folder = Path(tempfile.mkdtemp())
    binary = rng.random() < 0.3
    doc.saveas(folder / "d.dxf", fmt="bin" if binary else "asc")
    data = (folder / "d.dxf").read_bytes()
    shutil.rmtree(folder)
    if rng.random() < 0.3:
        data = data[:rng.randrange(len(data))]
    elif rng.random() < 0.1:
        data = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        data = bytes(data)
    args = ["import", "d.dxf"] + (["--list"] if rng.random() < 0.4 else ["--out", "p.cplan"])
    if rng.random() < 0.2:
        args += ["--units", "m"]
    files = {"d.dxf": data}
    if rng.random() < 0.1:
        files["map.toml"] = rng.choice([b'[kinds]\n"a" = ' + b"[" * 5000 + b"]" * 5000,
                                        b"[kinds]\na = 5\n", b"units = 5\n", b"\xff\xfe"])
        args += ["--layer-map", "map.toml"]
    return "dxf", args, files


def option_case(rng: random.Random):
    value = rng.choice(OPTION_VALUES)
    if value in ("30", "600", "fit", "1:1000", "500"):  # would print a whole sheet: too slow
        value = rng.choice(["0", "nan", "1e6", "abc"])
    args = rng.choice([
        ["print", str(SAMPLES[0]), "--out", "s.png", "--dpi", value],
        ["print", str(SAMPLES[0]), "--out", "s.pdf", "--scale", value],
        ["print", str(SAMPLES[0]), "--out", value or "x", "--paper", rng.choice(["A3", "A0", value])],
        ["export", str(SAMPLES[0]), "--format", value, "--out", "x"],
        ["check", value or "x", "--lang", rng.choice(["en", "zh", value])],
        ["recover", value or "x", "--out", "r.geojson"],
        ["rules", rng.choice(["list", "validate", value])],
        ["audit", str(SAMPLES[0]), rng.choice(["--jobs", "--timeout"]), value, "--json"],
        ["compare", str(SAMPLES[0]), value or "x", "--json"],
        [value or "x"], ["check"], ["convert", str(SAMPLES[0])],
    ])
    return "options", args, {}


def plugin_case(rng: random.Random):
    files = {}
    for i in range(rng.randint(1, 3)):
        if rng.random() < 0.5:
            body = rng.choice(PLUGIN_BODIES[:-1] if rng.random() < 0.95 else PLUGIN_BODIES)
            files[f"plugins/p{i}/plugin.py"] = body.encode()
        else:
            files[f"plugins/p{i}/pack.toml"] = rng.choice(PACK_TOML).encode("utf-8", "surrogatepass")
    args = rng.choice([["check", str(SAMPLES[0]), "--json"], ["kinds"], ["rules", "list"],
                       ["check", str(SAMPLES[0]), "--rules", "p0", "--json"]])
    return "plugins", args, files


def sidecar_case(rng: random.Random):
    sidecar = rng.choice(['{"facilities": Infinity}', '{"name": "\\ud800", "facilities": 1}',
                          "[" * 5000, "", '{"written_at": 5, "source": 7}', "\xff"])
    return "recovery", ["recover", "--list"], {"data/recovery/20260101-000000-abcdef.json":
                                              sidecar.encode("utf-8", "surrogatepass"),
                                              "data/recovery/20260101-000000-abcdef.cplan": b"x"}


GENERATORS = [(scenario_case, 40), (pack_case, 20), (dxf_case, 20), (option_case, 10),
              (plugin_case, 6), (sidecar_case, 4)]


def make_case(seed: int):
    rng = random.Random(seed)
    generate = rng.choices([g for g, _ in GENERATORS], [w for _, w in GENERATORS])[0]
    return generate(rng)


def run_case(seed: int, timeout: float, keep: Path | None):
    kind, args, files = make_case(seed)
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        for name, data in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        env = {"PLANNER_PLUGIN_DIR": str(folder / "plugins"), "PLANNER_DATA_DIR": str(folder / "data"),
               "HOME": str(folder)}
        resolved = [str(folder / a) if a in files or a in ("out.cplan", "out.geojson", "out.bin",
                                                           "s.pdf", "s.png", "p.cplan", "r.geojson")
                    else a for a in args]
        import os

        os.chdir(folder)
        outcome = run_forked(resolved, timeout=timeout, env=env)
        verdict = outcome.verdict
        if keep is not None and verdict not in ("clean error", "accepted"):
            target = keep / f"{seed}"
            shutil.copytree(folder, target, dirs_exist_ok=True)
            (target / "outcome.txt").write_text(f"{verdict}\nplanner {' '.join(args)}\n"
                                                f"{outcome.err[-3000:]}", encoding="utf-8")
        last = (outcome.err.strip().splitlines() or [""])[-1][:200]
        return seed, kind, _printable(args[0]), verdict, round(outcome.seconds, 2), _printable(last)
    finally:
        os.chdir(ROOT)
        shutil.rmtree(folder, ignore_errors=True)


def _printable(text: str) -> str:
    """``text`` with lone surrogates (which the inputs are full of) escaped."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _warm() -> None:
    """Import once in each worker what the commands use, so each forked run is cheap."""
    import matplotlib

    matplotlib.use("Agg")
    import ezdxf  # noqa: F401
    import pyproj  # noqa: F401

    import planner.cli  # noqa: F401
    import planner.report  # noqa: F401


def _shard(job: tuple[list[int], float, Path | None, Path]) -> None:
    """One job's runs; each result is also appended to ``log`` as it comes, so a run cut
    short can still be counted (``--summarise LOG``)."""
    seeds, timeout, keep, log = job
    _warm()
    for seed in seeds:
        result = run_case(seed, timeout, keep)
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(json.dumps(result) + "\n")


def summarise(results: list, header: str) -> int:
    """Print the counts by class and verdict; 1 when anything went wrong."""
    totals = Counter(r[3] for r in results)
    by_kind: dict[str, Counter] = {}
    for _seed, kind, _command, verdict, _s, _last in results:
        by_kind.setdefault(kind, Counter())[verdict] += 1
    print(header)
    print(f"{'class':<12}" + "".join(f"{v:>13}" for v in VERDICTS))
    for kind, counts in sorted(by_kind.items()):
        print(f"{kind:<12}" + "".join(f"{counts[v]:>13}" for v in VERDICTS))
    print(f"{'all':<12}" + "".join(f"{totals[v]:>13}" for v in VERDICTS))
    slowest = max(results, key=lambda r: r[4])
    print(f"slowest run: {slowest[4]} s ({slowest[1]}, planner {slowest[2]})")
    bad = [r for r in results if r[3] not in ("clean error", "accepted")]
    for seed, kind, command, verdict, seconds, last in bad[:20]:
        print(f"  {verdict}: seed {seed} ({kind}, planner {command}, {seconds} s): {last}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds before a run counts as a hang (default 60)")
    parser.add_argument("--keep", type=Path, help="copy the inputs of every bad outcome here")
    parser.add_argument("--log", type=Path, default=Path("fuzz-hostile.jsonl"),
                        help="append each result here as it comes (default %(default)s)")
    parser.add_argument("--summarise", type=Path, metavar="LOG",
                        help="only count the results in LOG (of a run cut short)")
    args = parser.parse_args(argv)
    if args.summarise:
        lines = args.summarise.read_text(encoding="utf-8").splitlines()
        return summarise([json.loads(line) for line in lines], f"{len(lines)} hostile inputs "
                         f"(from {args.summarise})")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    seeds = [args.seed * 1_000_003 + i for i in range(args.count)]
    args.log = args.log.absolute()
    args.log.write_text("", encoding="utf-8")
    shards = [(seeds[i::args.jobs], args.timeout, args.keep, args.log) for i in range(args.jobs)]
    start = time.monotonic()
    # Plain processes, not a Pool: a Pool's workers are daemons, and the commands that run
    # processes of their own (audit) may not start children from a daemon.
    context = multiprocessing.get_context("fork")
    jobs = [context.Process(target=_shard, args=(shard,)) for shard in shards]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join()
    elapsed = time.monotonic() - start
    lines = args.log.read_text(encoding="utf-8").splitlines()
    results = [json.loads(line) for line in lines]
    return summarise(results, f"{len(results)} hostile inputs, seed {args.seed}, {args.jobs} "
                              f"jobs, {elapsed / 60:.1f} min, time box {args.timeout:g} s")


if __name__ == "__main__":
    raise SystemExit(main())
