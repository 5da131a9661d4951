#!/usr/bin/python3
"""A straightforward, vectorised numpy implementation of govindex robust's
Monte Carlo uncertainty analysis, as a baseline for BENCHMARKS.md.

It reads a project written by `govindex synth` (data.csv in the wide layout,
indicator x<i> in dimension d<i mod D>, all directions 1, equal weights) and
runs, for each sample:

  * weights: every indicator weight and every dimension weight × U(1 − noise, 1 + noise);
  * normalisation: minmax or prank into [1, 100], drawn uniformly (both are
    computed once, up front, since the data do not change between samples);
  * aggregation: arithmetic or geometric, drawn uniformly, used for the
    dimensions and for the index; missing values are skipped and the weights
    of those present renormalised (as govindex does);
  * ranks of the index score via argsort (1 = best), and the star class from
    the thresholds [20, 40, 60, 80].

Then, per region: the nominal rank (minmax, arithmetic, no noise), the
median, 5th and 95th percentile rank, the share of samples at each star
rating, and overall the mean absolute rank shift.

Run it with Debian's python3 and python3-numpy:
    /usr/bin/python3 bench/numpy_baseline.py --data DIR/data.csv --samples 10000
It prints one JSON line with the timings (and, with --check-rate, how many
nominal ranks agree with `govindex rate --format csv`).
"""

import argparse
import csv
import json
import sys
import time

import numpy as np


def load(path, year):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    if header[:2] != ["region", "year"]:
        sys.exit("numpy_baseline: %s is not a wide synth table (region,year,…)" % path)
    ids = header[2:]
    years = sorted({int(r[1]) for r in rows[1:]})
    year = year or years[-1]
    codes, values = [], []
    for r in rows[1:]:
        if int(r[1]) != year:
            continue
        codes.append(r[0])
        values.append([float(v) if v != "" else np.nan for v in r[2:]])
    return ids, codes, np.array(values, dtype=np.float64), year


def minmax(X, lo, hi):
    mn = np.nanmin(X, axis=0)
    mx = np.nanmax(X, axis=0)
    span = np.where(mx > mn, mx - mn, 1.0)
    return lo + (X - mn) / span * (hi - lo)


def prank(X, lo, hi):
    """(rank − 1)/(n − 1) into [lo, hi]; rank 1 = smallest, ties at the lowest rank."""
    out = np.full_like(X, np.nan)
    for j in range(X.shape[1]):
        col = X[:, j]
        ok = ~np.isnan(col)
        v = col[ok]
        n = v.size
        if n < 2:
            out[ok, j] = hi
            continue
        r = np.searchsorted(np.sort(v), v, side="left")  # 0-based lowest rank
        out[ok, j] = lo + r / (n - 1) * (hi - lo)
    return out


def show_config():
    """numpy.show_config() without the libraries it did not find, then the
    BLAS and LAPACK actually loaded (from /proc/self/maps) and, for
    OpenBLAS, its build and the kernel it chose for this CPU."""
    import contextlib
    import ctypes
    import io

    print("numpy", np.__version__, "(python %s)" % sys.version.split()[0])
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        np.show_config()
    lines = buf.getvalue().splitlines()
    for i, line in enumerate(lines):
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if line.strip() == "NOT AVAILABLE" or nxt == "NOT AVAILABLE" or not line.strip():
            continue
        print(line)
    try:
        with open("/proc/self/maps") as f:
            libs = sorted({l.split()[-1] for l in f if "blas" in l or "lapack" in l})
    except OSError:
        libs = []
    print("loaded:", ", ".join(libs) or "unknown")
    for lib in libs:
        if "openblas" in lib and "libopenblas" in lib:
            ob = ctypes.CDLL(lib)
            for fn in ("openblas_get_config", "openblas_get_corename"):
                getattr(ob, fn).restype = ctypes.c_char_p
            print("OpenBLAS config:", ob.openblas_get_config().decode())
            print("OpenBLAS core:", ob.openblas_get_corename().decode(),
                  "threads:", ob.openblas_get_num_threads())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, help="data.csv of a synth project")
    ap.add_argument("--dimensions", type=int, default=6)
    ap.add_argument("--samples", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--noise", type=float, default=0.25)
    ap.add_argument("--year", type=int, default=0, help="default: the last year")
    ap.add_argument("--check-rate", help="CSV from govindex rate --format csv, to compare nominal ranks")
    ap.add_argument("--show-config", action="store_true", help="print numpy.show_config() and exit")
    a = ap.parse_args()
    if a.show_config:
        show_config()
        return

    t0 = time.perf_counter()
    ids, codes, X, year = load(a.data, a.year)
    t_load = time.perf_counter() - t0

    t1 = time.perf_counter()
    n, m = X.shape
    D = a.dimensions
    lo, hi = 1.0, 100.0
    thresholds = np.array([20.0, 40.0, 60.0, 80.0])
    member = np.zeros((m, D))
    member[np.arange(m), np.arange(m) % D] = 1.0  # indicator i in dimension i mod D
    present = (~np.isnan(X)).astype(np.float64)
    norms = []
    for N in (minmax(X, lo, hi), prank(X, lo, hi)):
        V = np.nan_to_num(N, nan=0.0)
        L = np.log(np.where(present > 0, N, 1.0)) * present
        norms.append((V, L))

    def score(k_norm, geometric, w_ind, w_dim):
        V, L = norms[k_norm]
        den = present @ (member * w_ind[:, None])           # n × D: weights present
        if geometric:
            dim = np.exp((L @ (member * w_ind[:, None])) / den)
            return np.exp(np.log(dim) @ w_dim / w_dim.sum())
        dim = (V @ (member * w_ind[:, None])) / den
        return dim @ w_dim / w_dim.sum()

    def ranks(s):
        order = np.argsort(-s, kind="stable")
        r = np.empty(n, dtype=np.int32)
        r[order] = np.arange(1, n + 1, dtype=np.int32)
        return r

    ones_i, ones_d = np.ones(m), np.ones(D)
    nominal = ranks(score(0, False, ones_i, ones_d))

    rng = np.random.default_rng(a.seed)
    K = a.samples
    R = np.empty((K, n), dtype=np.int32)
    star_counts = np.zeros((n, 5), dtype=np.int64)
    rows = np.arange(n)
    t2 = time.perf_counter()
    for k in range(K):
        w_ind = ones_i * rng.uniform(1 - a.noise, 1 + a.noise, m)
        w_dim = ones_d * rng.uniform(1 - a.noise, 1 + a.noise, D)
        k_norm = int(rng.integers(2))
        geometric = bool(rng.integers(2))
        s = score(k_norm, geometric, w_ind, w_dim)
        R[k] = ranks(s)
        stars = np.searchsorted(thresholds, s, side="right")  # 0..4 = 1..5 stars
        star_counts[rows, stars] += 1
    t_loop = time.perf_counter() - t2

    p05, med, p95 = np.percentile(R, [5, 50, 95], axis=0)
    shift = float(np.mean(np.abs(R - nominal[None, :])))
    star_share = star_counts / K
    t_analysis = time.perf_counter() - t1

    out = {
        "regions": n, "indicators": m, "dimensions": D, "year": year, "samples": K,
        "load_s": round(t_load, 4), "analysis_s": round(t_analysis, 4), "loop_s": round(t_loop, 4),
        "ms_per_sample": round(1000 * t_loop / K, 4),
        "mean_abs_rank_shift": round(shift, 3),
        "top_nominal": [codes[i] for i in np.argsort(nominal)[:3]],
        "top_median": [codes[i] for i in np.argsort(med, kind="stable")[:3]],
        "p05_p50_p95_of_first_region": [float(p05[0]), float(med[0]), float(p95[0])],
        "star_share_of_first_region": [round(float(x), 4) for x in star_share[0]],
        "numpy": np.__version__,
    }
    if a.check_rate:
        with open(a.check_rate, newline="", encoding="utf-8-sig") as f:
            rate = {r["code"]: int(r["rank"]) for r in csv.DictReader(f) if r.get("rank")}
        agree = sum(1 for i, c in enumerate(codes) if rate.get(c) == int(nominal[i]))
        out["nominal_ranks_agreeing_with_rate"] = "%d/%d" % (agree, n)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
