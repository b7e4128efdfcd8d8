#!/usr/bin/env bash
# End-to-end epoch benchmark (issue #9, targets 3 and 5): runs one epoch of WTA training on full MNIST, batch 16,
# for each config in benchmarks/configs/ and prints, per run, the training wall time of epoch 1, the whole-process
# wall time and the peak resident set size.
#
#   wta-bp-784-2000-*        784-2000 by backpropagation      (training as docs/examples/01-wta-bp-one-layer.json)
#   wta-ep-784-2000-*        784-2000 by equilibrium prop.    (as docs/examples/02-wta-ep-one-layer.json)
#   wta-ep-784-2000-2000-*   784-2000-2000 by equilibrium p.  (as docs/examples/04-wta-ep-two-layer.json, batch 16)
#   *-taox-hfox              the demo's chip (xbarlab demo --show-config) with the TaOx/HfOx RRAM preset:
#                            256 x 256 tiles, balanced pair, 7-bit DAC, 8-bit ADC, output noise 0.1, abs-max noise
#                            and iterative bound management, stochastic pulse trains (BL 31, both managements)
#   *-ideal                  the ideal chip (no "chip" section: ChipConfig.ideal(), ideal device and periphery,
#                            updates programmed exactly, costs charged)
#   *-ideal-exact            with --exact: the ideal configs with --set chip=null (float32 weights, no chip)
#
# Evaluation is reduced to the minimum the experiment allows (no direct association, no classifier, no untrained
# baseline); WtaExperiment still computes the features of the training and test sets once after the last epoch,
# so the process time includes one inference pass over 70 000 images (the "other" column).
#
# Each run: /usr/bin/time -v java -jar cli/target/xbarlab.jar run CONFIG --seed 1 --out OUT/NAME, with the JVM
# options of the ./xbarlab launcher (-XX:+UseParallelGC) plus $JAVA_OPTS. The jar is not rebuilt: build it first
# (mvn -B -q -DskipTests install).
#
# Usage: benchmarks/epoch.sh [--only NAME]... [--train-samples N] [--threads N] [--set PATH=VALUE]... [--exact]
#                            [--out DIR] [--list]
#   --only NAME          run only the configs whose name matches NAME (a shell pattern, e.g. 'wta-bp-*'); repeatable
#   --train-samples N    --set data.trainSamples=N (a quick check; the figures of the issue need the full set)
#   --threads N          passed to xbarlab run (threads of the linear-algebra kernels; default: all processors)
#   --set PATH=VALUE     passed to every run (repeatable), e.g. --set training.batchSize=32
#   --exact              also run the ideal configs with --set chip=null
#   --out DIR            where the runs write (default: benchmarks/target/epoch); the table goes to DIR/epoch.tsv
#   --list               print the run names and exit
#
# Example (quick check of one run): benchmarks/epoch.sh --only wta-bp-784-2000-taox-hfox --train-samples 512
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$root/cli/target/xbarlab.jar"
configs="$here/configs"

only=()
sets=()
threads=""
exact=false
list=false
out="$here/target/epoch"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
  case "$1" in
    --only) only+=("${2:?--only needs a name}"); shift 2 ;;
    --only=*) only+=("${1#*=}"); shift ;;
    --train-samples) sets+=("data.trainSamples=${2:?--train-samples needs a number}"); shift 2 ;;
    --train-samples=*) sets+=("data.trainSamples=${1#*=}"); shift ;;
    --threads) threads="${2:?--threads needs a number}"; shift 2 ;;
    --threads=*) threads="${1#*=}"; shift ;;
    --set) sets+=("${2:?--set needs PATH=VALUE}"); shift 2 ;;
    --set=*) sets+=("${1#*=}"); shift ;;
    --exact) exact=true; shift ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    --out=*) out="${1#*=}"; shift ;;
    --list) list=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "epoch.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

# The runs: NAME CONFIG [EXTRA --set]
names=()
files=()
extras=()
# The issue's order first (BP, EP one layer, EP two layers; the chip, then the ideal device), then any other
# config put in benchmarks/configs/.
ordered=()
for network in wta-bp-784-2000 wta-ep-784-2000 wta-ep-784-2000-2000; do
  for device in taox-hfox ideal; do
    [ -f "$configs/$network-$device.json" ] && ordered+=("$configs/$network-$device.json")
  done
done
for config in "$configs"/*.json; do
  [[ " ${ordered[*]} " == *" $config "* ]] || ordered+=("$config")
done
for config in "${ordered[@]}"; do
  name="$(basename "$config" .json)"
  names+=("$name"); files+=("$config"); extras+=("")
  if $exact && [[ "$name" == *-ideal ]]; then
    names+=("$name-exact"); files+=("$config"); extras+=("chip=null")
  fi
done

selected() {
  local name="$1" pattern
  [ ${#only[@]} -eq 0 ] && return 0
  for pattern in "${only[@]}"; do
    # shellcheck disable=SC2053
    [[ "$name" == $pattern ]] && return 0
  done
  return 1
}

matched=0
for name in "${names[@]}"; do
  selected "$name" && matched=$((matched + 1))
done
if [ "$matched" -eq 0 ]; then
  echo "epoch.sh: no run matches --only ${only[*]}; runs: ${names[*]}" >&2
  exit 2
fi

if $list; then
  for i in "${!names[@]}"; do
    selected "${names[$i]}" && echo "${names[$i]}"
  done
  exit 0
fi

if [ ! -f "$jar" ]; then
  echo "epoch.sh: $jar is missing; build it with: (cd $root && mvn -B -q -DskipTests install)" >&2
  exit 2
fi

java_opts=(-XX:+UseParallelGC)
major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ "${major:-17}" -ge 22 ] 2>/dev/null; then
  java_opts+=(--enable-native-access=ALL-UNNAMED)
fi

# Seconds from /usr/bin/time's "h:mm:ss" or "m:ss.ss".
wall_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }' "$1"
}

mkdir -p "$out"
table="$out/epoch.tsv"
printf 'run\tstatus\tepoch1_training_s\tprocess_wall_s\tother_s\tpeak_rss_mb\n' > "$table"
failed=0
for i in "${!names[@]}"; do
  name="${names[$i]}"
  selected "$name" || continue
  dir="$out/$name"
  rm -rf "$dir"
  mkdir -p "$dir"
  args=(run "${files[$i]}" --seed 1 --out "$dir")
  [ -n "$threads" ] && args+=(--threads "$threads")
  for s in "${sets[@]+"${sets[@]}"}"; do args+=(--set "$s"); done
  [ -n "${extras[$i]}" ] && args+=(--set "${extras[$i]}")
  echo "== $name: java ${java_opts[*]} ${JAVA_OPTS:-} -jar cli/target/xbarlab.jar ${args[*]}" >&2
  status=ok
  # shellcheck disable=SC2086
  if ! /usr/bin/time -v -o "$dir/time.txt" java "${java_opts[@]}" ${JAVA_OPTS:-} -jar "$jar" "${args[@]}" \
      > "$dir/log.txt" 2>&1; then
    status=failed
    failed=$((failed + 1))
    echo "epoch.sh: $name failed; last lines of $dir/log.txt:" >&2
    tail -n 5 "$dir/log.txt" >&2
  fi
  epoch="-"
  if [ -f "$dir/result.json" ]; then
    epoch="$(jq -r '.metrics.epochs[0].wallSeconds // empty | . * 10 | round / 10' "$dir/result.json")"
    epoch="${epoch:--}"
  fi
  wall="$(wall_seconds "$dir/time.txt")"
  rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$dir/time.txt")"
  other="-"
  if [ "$epoch" != "-" ] && [ -n "$wall" ]; then
    other="$(awk -v w="$wall" -v e="$epoch" 'BEGIN { printf "%.1f", w - e }')"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$status" "$epoch" "${wall:--}" "$other" "${rss:--}" >> "$table"
done

echo
{
  printf 'run\tstatus\tepoch 1 training (s)\tprocess wall (s)\tother (s)\tpeak RSS (MB)\n'
  tail -n +2 "$table"
} | column -t -s $'\t'
echo
echo "table: $table; runs: $out/NAME/{result.json,log.txt,time.txt}"
[ "$failed" -eq 0 ]
