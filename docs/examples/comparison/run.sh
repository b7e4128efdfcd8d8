#!/usr/bin/env bash
# The semi-supervised comparison of issue #6 (docs/results.md), short protocol: every method on MNIST and
# Fashion-MNIST with 100, 600 and 3000 labels on the ideal chip, and with 600 labels on the EpiRAM chip.
# Usage: bash docs/examples/comparison/run.sh OUT_DIR   (from the repository root, after building the jar)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/../../../cli/target/xbarlab.jar"
out="${1:?usage: run.sh OUT_DIR}"
run() { name=$1; shift
  [ -f "$out/$name/result.json" ] && return
  java -Xmx8g -jar "$jar" run --seed 1 --out "$out/$name" --checkpoint-every 0 "$@" > /dev/null
}
for ds in mnist fashion-mnist; do
  for n in 100 600 3000; do
    for dev in ideal epiram; do
      if [ "$dev" = epiram ] && [ "$n" != 600 ]; then continue; fi
      common=(--set data.dataset=$ds --set chip.devicePreset=$dev)
      semi=("$here/semi-supervised.json" "${common[@]}" --set semiSupervised.preEpochs=30
            --set semiSupervised.supervisedScheduleEpochs=1)
      # supervised only: the labeled pre-training alone (no alternating epoch)
      run sup-$ds-$n-$dev "${semi[@]}" --set semiSupervised.preset=backpropagation-$n --set semiSupervised.epochs=0
      run bp-$ds-$n-$dev "${semi[@]}" --set semiSupervised.preset=backpropagation-$n --set semiSupervised.epochs=1
      run ep-$ds-$n-$dev "${semi[@]}" --set semiSupervised.preset=equilibrium-$n --set semiSupervised.epochs=1
      run hebb-$ds-$n-$dev "$here/hebbian.json" "${common[@]}" --set hebbian.labeledSamples=$n
      run muscle-$ds-$n-$dev "$here/muscle.json" "${common[@]}" --set muscle.preset=muscle-$n
    done
  done
done
