#!/usr/bin/env bash
# bench/run.sh — times whole `govindex robust` runs across sizes (regions ×
# samples) on projects written by `govindex synth`, shows how the time grows,
# and compares the 3,000-region case with a vectorised numpy implementation
# of the same analysis (bench/numpy_baseline.py). Prints Markdown for
# BENCHMARKS.md on standard output; progress goes to standard error.
#
#   bench/run.sh                      # the full grid (about 10 minutes)
#   REGIONS="100 300" SAMPLES="1000" REPEAT=1 NUMPY=0 bench/run.sh   # a quick look
#
# Settings (environment variables, defaults in brackets):
#   REGIONS ["100 300 1000 3000"]  SAMPLES ["1000 3000 10000"]
#   INDICATORS [48]  DIMENSIONS [6]  YEARS [1]  SEED [1]  MISSING [0.02]
#   SYNTH_LARGE ["100000"]  further region counts timed for synth only
#   TARGET_REGIONS [3000]  TARGET_SAMPLES [10000]  the case the targets, the
#                     breakdown and the numpy comparison are about
#   REPEAT [3]        runs per cell; the tables show the median and the
#                     smallest wall time and the largest peak memory of them.
#                     The numpy comparison runs REPEAT rounds of govindex
#                     (the project by absolute, then by relative path) and
#                     numpy in turn, so that both see the same state of a
#                     shared machine
#   NUMPY [1]         0 skips the numpy comparison
#   NUMPY_SAMPLES [10000]  samples of the numpy run; fewer are extrapolated
#                     linearly to 10,000 (the loop time scaled, the rest kept)
#
# Needs: make, go, npm (make build embeds ECharts), GNU time as /usr/bin/time
# and, for the comparison, Debian's /usr/bin/python3 with python3-numpy.
# Missing GNU time or python3-numpy are installed with apt-get (as root, or
# through sudo when it is there).
#
# Every project uses the uncertainty settings synth writes: weights noise
# 0.25, normalise minmax | prank into [1, 100], aggregate arithmetic |
# geometric; --samples overrides the sample count. The numpy run unsets
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (for that command only), so that
# OpenBLAS picks its own kernels for this CPU.
set -euo pipefail
cd "$(dirname "$0")/.."

REGIONS=${REGIONS:-"100 300 1000 3000"}
SAMPLES=${SAMPLES:-"1000 3000 10000"}
INDICATORS=${INDICATORS:-48}
DIMENSIONS=${DIMENSIONS:-6}
YEARS=${YEARS:-1}
SEED=${SEED:-1}
MISSING=${MISSING:-0.02}
REPEAT=${REPEAT:-3}
NUMPY=${NUMPY:-1}
SYNTH_LARGE=${SYNTH_LARGE-"100000"}
NUMPY_SAMPLES=${NUMPY_SAMPLES:-10000}
TARGET_REGIONS=${TARGET_REGIONS:-3000}
TARGET_SAMPLES=${TARGET_SAMPLES:-10000}
GOVINDEX=bin/govindex
PYTHON=/usr/bin/python3

say() { printf '%s\n' "$*" >&2; }

apt_install() {
	local sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null || { say "bench: please install $* (apt-get install $*)"; exit 1; }
		sudo=sudo
	fi
	say "bench: installing $* with apt-get"
	$sudo apt-get install -y -qq "$@" >&2 || { $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq "$@" >&2; }
}

[ -x /usr/bin/time ] || apt_install time

say "bench: make build"
make build >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/govindex-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# once CMD… — runs CMD once (standard output discarded) and prints
# "wall-seconds peak-KiB"; stops the script if CMD fails.
once() {
	if ! /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr"; then
		say "bench: failed: $*"
		cat "$work/stderr" "$work/time" >&2
		exit 1
	fi
	tail -n 1 "$work/time"
}

# summary — reads "wall-seconds peak-KiB" lines and prints
# "median-wall min-wall max-peak-KiB" (the median of an even count is the
# lower middle one).
summary() {
	sort -n | awk '{ w[NR] = $1; if ($2 > m) m = $2 } END { printf "%s %s %d\n", w[int((NR + 1) / 2)], w[1], m }'
}

# measure CMD… — runs CMD REPEAT times and prints "median-wall min-wall
# max-peak-KiB".
measure() {
	local i
	for ((i = 0; i < REPEAT; i++)); do
		once "$@"
	done | summary
}

mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
echo "## Machine"
echo
echo "- CPU: ${cpu:-unknown}, $(nproc) cores (nproc); $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory"
echo "- $(go version)"
echo "- govindex $($GOVINDEX --version 2>/dev/null | awk '{ print $NF }'), built with make build; $(date -u +%Y-%m-%d)"
echo "- load average before the runs (other work on the machine inflates the times): $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- projects: govindex synth --indicators $INDICATORS --dimensions $DIMENSIONS --years $YEARS --seed $SEED --missing $MISSING; median and minimum of $REPEAT runs"
echo

# Synthesise every size once.
echo "## govindex synth"
echo
echo "| regions | values | wall s | peak MiB | data.csv |"
echo "| ---: | ---: | ---: | ---: | ---: |"
for n in $REGIONS $SYNTH_LARGE; do
	rm -rf "$work/p$n"
	read -r w _ k < <(REPEAT=1 measure "$GOVINDEX" synth --regions "$n" --indicators "$INDICATORS" --dimensions "$DIMENSIONS" \
		--years "$YEARS" --seed "$SEED" --missing "$MISSING" --out "$work/p$n" --quiet)
	size=$(du -k "$work/p$n/data.csv" | awk '{ printf "%.1f MiB", $1 / 1024 }')
	echo "| $n | $((n * INDICATORS * YEARS)) | $w | $(mib "$k") | $size |"
	case " $REGIONS " in *" $n "*) ;; *) rm -rf "$work/p$n" ;; esac
done
echo

# (An unknown command with --help would print the root help and succeed.)
if ! "$GOVINDEX" robust --help 2>/dev/null | grep -q "govindex robust"; then
	say "bench: this build has no robust command; only synth was measured"
	echo "## govindex robust"
	echo
	echo "Not measured: this build of govindex has no \`robust\` command."
	exit 0
fi

echo "## govindex robust (whole runs)"
echo
echo "\`govindex robust --config P/index.toml --samples K --quiet --format json >/dev/null\`, timed with"
echo "\`/usr/bin/time -f '%e %M'\`: wall seconds (median and minimum of $REPEAT) and peak resident memory."
echo
echo "| regions | samples | wall s | min s | peak MiB | µs per sample | ns per sample × region |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
declare -A wall peak
for n in $REGIONS; do
	for k in $SAMPLES; do
		say "bench: robust, $n regions, $k samples"
		read -r w lo m < <(measure "$GOVINDEX" robust --config "$work/p$n/index.toml" --samples "$k" --quiet --format json)
		wall[$n,$k]=$w
		peak[$n,$k]=$m
		awk -v n="$n" -v k="$k" -v w="$w" -v lo="$lo" -v m="$m" 'BEGIN {
			printf "| %d | %d | %.2f | %.2f | %.0f | %.1f | %.1f |\n", n, k, w, lo, m / 1024, 1e6 * w / k, 1e9 * w / (k * n) }'
	done
done
echo

# Growth: for each size, a least-squares line wall = fixed + per-sample × K.
echo "### How the time grows"
echo
echo "Per region count, a least-squares line through the sample counts: wall = fixed + slope × samples."
echo
echo "| regions | fixed s | ms per sample | ns per sample × region |"
echo "| ---: | ---: | ---: | ---: |"
for n in $REGIONS; do
	pts=""
	for k in $SAMPLES; do pts+="$k ${wall[$n,$k]} "; done
	awk -v n="$n" -v pts="$pts" 'BEGIN {
		c = split(pts, a, " "); m = c / 2
		for (i = 1; i <= m; i++) { x = a[2*i-1]; y = a[2*i]; sx += x; sy += y; sxx += x*x; sxy += x*y }
		d = m * sxx - sx * sx
		if (m < 2 || d == 0) { printf "| %d | — | — | — |\n", n; exit }
		b = (m * sxy - sx * sy) / d; a0 = (sy - b * sx) / m
		printf "| %d | %.3f | %.4f | %.2f |\n", n, a0, 1e3 * b, 1e9 * b / n }'
done
echo

# Where the fixed cost goes, at the target size.
if [ -d "$work/p$TARGET_REGIONS" ]; then
	tp=$work/p$TARGET_REGIONS/index.toml
	echo "### Where the time goes at $TARGET_REGIONS regions"
	echo
	echo "| command | wall s | min s | peak MiB |"
	echo "| --- | ---: | ---: | ---: |"
	while IFS= read -r args; do
		say "bench: $args"
		# shellcheck disable=SC2086 # args are split on purpose
		read -r w lo m < <(measure "$GOVINDEX" $args --config "$tp")
		awk -v a="$args" -v w="$w" -v lo="$lo" -v m="$m" 'BEGIN { printf "| `govindex %s` | %.2f | %.2f | %.0f |\n", a, w, lo, m / 1024 }'
	done <<-ARGS
		validate
		rate --format csv
		rate --format json
		robust --samples 1 --quiet --format json
		robust --samples $TARGET_SAMPLES --quiet --format csv
		robust --samples $TARGET_SAMPLES --quiet --format json
	ARGS
	echo
fi

tw=${wall[$TARGET_REGIONS,$TARGET_SAMPLES]:-}
tm=${peak[$TARGET_REGIONS,$TARGET_SAMPLES]:-}

if [ "$NUMPY" = 1 ]; then
	if ! "$PYTHON" -c 'import numpy' 2>/dev/null; then
		apt_install python3-numpy
	fi
	np_n=$TARGET_REGIONS
	if [ ! -d "$work/p$np_n" ]; then
		"$GOVINDEX" synth --regions "$np_n" --indicators "$INDICATORS" --dimensions "$DIMENSIONS" \
			--years "$YEARS" --seed "$SEED" --missing "$MISSING" --out "$work/p$np_n" --quiet
	fi
	"$GOVINDEX" rate --config "$work/p$np_n/index.toml" --format csv >"$work/rate.csv"
	np_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
	# REPEAT rounds, each a govindex run of the target case (when this
	# project is the target size) then a numpy run, with the load average
	# before each round; the numpy run with the median wall time is
	# reported.
	# govindex runs twice a round: with the project's absolute path, as in
	# the tables above, and from its parent folder with a relative one, as
	# the commands in BENCHMARKS.md are typed. The JSON results name the
	# data files by that path in every indicator's "source", so the two
	# differ in size (about 37 and 33 MB at 3,000 regions), and writing
	# them costs very different times once they outgrow the JSON writer's
	# first buffer (see BENCHMARKS.md).
	: >"$work/numpy.runs"
	: >"$work/gov.runs"
	: >"$work/govrel.runs"
	govabs=$(pwd)/$GOVINDEX
	loads=()
	for ((i = 0; i < REPEAT; i++)); do
		loads+=("$(cut -d' ' -f1 /proc/loadavg)")
		if [ "$np_n" = "$TARGET_REGIONS" ]; then
			say "bench: govindex robust, $np_n regions, $TARGET_SAMPLES samples, round $((i + 1)) of $REPEAT"
			once "$GOVINDEX" robust --config "$work/p$np_n/index.toml" --samples "$TARGET_SAMPLES" --quiet --format json >>"$work/gov.runs"
			(cd "$work" && once "$govabs" robust --config "p$np_n/index.toml" --samples "$TARGET_SAMPLES" --quiet --format json) >>"$work/govrel.runs"
		fi
		say "bench: numpy baseline, $np_n regions, $NUMPY_SAMPLES samples, round $((i + 1)) of $REPEAT"
		if ! "${np_env[@]}" /usr/bin/time -f '%e %M' -o "$work/time" "$PYTHON" bench/numpy_baseline.py \
			--data "$work/p$np_n/data.csv" --dimensions "$DIMENSIONS" --samples "$NUMPY_SAMPLES" --seed "$SEED" \
			--check-rate "$work/rate.csv" >"$work/numpy$i.json" 2>"$work/stderr"; then
			cat "$work/stderr" "$work/time" >&2
			exit 1
		fi
		echo "$(tail -n 1 "$work/time") $i" >>"$work/numpy.runs"
	done
	read -r npw npm npi < <(sort -n "$work/numpy.runs" | awk '{ l[NR] = $0 } END { print l[int((NR + 1) / 2)] }')
	np_min=$(sort -n "$work/numpy.runs" | awk 'NR == 1 { print $1 }')
	np_all=$(sort -n "$work/numpy.runs" | awk '{ printf "%s%s", (NR > 1 ? ", " : ""), $1 }')
	npjson=$(cat "$work/numpy$npi.json")
	field() { "$PYTHON" -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$npjson" "$1"; }
	loop=$(field loop_s)
	np10k=$(awk -v w="$npw" -v l="$loop" -v k="$NUMPY_SAMPLES" -v t="$TARGET_SAMPLES" 'BEGIN { printf "%.2f", w - l + l * t / k }')
	np10kmin=$(awk -v w="$np_min" -v med="$npw" -v np="$np10k" 'BEGIN { printf "%.2f", w * np / med }')
	echo "## numpy baseline"
	echo
	echo "\`bench/numpy_baseline.py\` on the same data.csv ($np_n regions × $INDICATORS indicators, $NUMPY_SAMPLES samples),"
	echo "run as \`env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $PYTHON bench/numpy_baseline.py …\`:"
	echo
	echo "- load average (1 minute) before each round: ${loads[*]}"
	echo "- whole run: $npw s wall (median of $REPEAT; min $np_min s; all: $np_all s), $(mib "$npm") MiB peak; in that run's script: $(field load_s) s reading, $(field analysis_s) s analysis, of which $loop s the sample loop ($(field ms_per_sample) ms per sample)"
	if [ "$NUMPY_SAMPLES" != "$TARGET_SAMPLES" ]; then
		echo "- extrapolated to $TARGET_SAMPLES samples (loop scaled linearly, the rest kept): $np10k s"
	fi
	echo "- nominal ranks agreeing with \`govindex rate\`: $(field nominal_ranks_agreeing_with_rate); mean absolute rank shift $(field mean_abs_rank_shift)"
	echo "- numpy and BLAS measured:"
	echo
	echo '```'
	"${np_env[@]}" "$PYTHON" bench/numpy_baseline.py --data x --show-config 2>&1
	echo '```'
	echo
	if [ -s "$work/gov.runs" ]; then
		read -r tw tmin tm < <(summary <"$work/gov.runs")
		gov_all=$(sort -n "$work/gov.runs" | awk '{ printf "%s%s", (NR > 1 ? ", " : ""), $1 }')
		ratio=$(awk -v a="$np10k" -v b="$tw" 'BEGIN { printf "%.1f", a / b }')
		ratio_min=$(awk -v a="$np10kmin" -v b="$tmin" 'BEGIN { printf "%.1f", a / b }')
		read -r rw rmin rm < <(summary <"$work/govrel.runs")
		rel_all=$(sort -n "$work/govrel.runs" | awk '{ printf "%s%s", (NR > 1 ? ", " : ""), $1 }')
		rratio=$(awk -v a="$np10k" -v b="$rw" 'BEGIN { printf "%.1f", a / b }')
		rratio_min=$(awk -v a="$np10kmin" -v b="$rmin" 'BEGIN { printf "%.1f", a / b }')
		echo "- govindex robust, same size and $TARGET_SAMPLES samples, in the same rounds:"
		echo "  - \`--config $work/p$np_n/index.toml\` (absolute path): $tw s (median; min $tmin s; all: $gov_all s), $(mib "$tm") MiB peak → **${ratio}×** as fast as numpy (medians; ${ratio_min}× comparing the fastest runs)"
		echo "  - \`--config p$np_n/index.toml\` (relative path): $rw s (median; min $rmin s; all: $rel_all s), $(mib "$rm") MiB peak → **${rratio}×** as fast as numpy (medians; ${rratio_min}× comparing the fastest runs)"
		echo
	fi
fi

if [ -n "$tw" ]; then
	echo "## Targets ($TARGET_REGIONS regions × $INDICATORS indicators / $DIMENSIONS dimensions, $TARGET_SAMPLES samples, $(nproc) cores)"
	echo
	awk -v w="$tw" 'BEGIN { printf "- wall %.2f s, target < 2 s: %s\n", w, (w < 2 ? "**met**" : "**not met**") }'
	awk -v m="$tm" 'BEGIN { printf "- peak %.0f MiB (%.0f MB), target < 500 MB: %s\n", m / 1024, m * 1.024 / 1000, (m * 1024 < 500e6 ? "**met**" : "**not met**") }'
	if [ -n "${ratio:-}" ]; then
		awk -v r="$ratio" 'BEGIN { printf "- %.1f× the numpy baseline (absolute path), target ≥ 5×: %s\n", r, (r >= 5 ? "**met**" : "**not met**") }'
		awk -v r="$rratio" -v w="$rw" 'BEGIN { printf "- %.1f× the numpy baseline (relative path, %.2f s), target ≥ 5×: %s\n", r, w, (r >= 5 ? "**met**" : "**not met**") }'
	fi
fi
