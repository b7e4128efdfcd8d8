package org.xbarlab.reports.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.devices.presets.DevicePresets;

/**
 * Sweep results made up in memory, shaped as {@code xbarlab sweep} writes them: ADC bits {4, 6, 8} × device preset
 * {pcm, reram-hfo2}, {@value #TRIALS} trials, with metrics, a cost ledger, training curves and resolved devices.
 * Values follow simple formulas so tests can check them.
 */
public final class SyntheticSweep {

    /** Trials per point. */
    public static final int TRIALS = 2;
    /** The ADC bits swept. */
    public static final int[] BITS = {4, 6, 8};
    /** The presets swept. */
    public static final String[] PRESETS = {"pcm", "reram-hfo2"};
    /** Swept paths. */
    public static final String BITS_PATH = "chip.tile.forward.adc.resolutionBits";
    /** Swept paths. */
    public static final String PRESET_PATH = "chip.devicePreset";
    /** Metric names. */
    public static final String ACCURACY = "metrics.testAccuracyDirectAssociation";
    /** Metric names. */
    public static final String ENERGY = "cost.training.energyPerSampleJoules";
    /** Epochs of every run. */
    public static final int EPOCHS = 3;
    /** Training samples of every run. */
    public static final int TRAINING_SAMPLES = 100;

    private SyntheticSweep() {
    }

    /** Accuracy of a run: grows with the bits, pcm better, trial t adds 0.02 t. */
    public static double accuracy(int bits, String preset, int trial) {
        return 0.3 + 0.05 * bits + (preset.equals("pcm") ? 0.02 : 0) + 0.02 * trial;
    }

    /** Training energy per sample of a run (J): grows with the bits; split 1:3 between array read and ADC. */
    public static double energy(int bits, String preset) {
        return (preset.equals("pcm") ? 2e-9 : 1e-9) * bits;
    }

    /** The records, grid order. */
    public static List<SweepRecord> records() {
        List<SweepRecord> records = new ArrayList<>();
        int point = 0;
        for (int bits : BITS) {
            for (String preset : PRESETS) {
                for (int trial = 0; trial < TRIALS; trial++) {
                    Map<String, JsonNode> parameters = new LinkedHashMap<>();
                    parameters.put(BITS_PATH, IntNode.valueOf(bits));
                    parameters.put(PRESET_PATH, TextNode.valueOf(preset));
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    metrics.put(ACCURACY, accuracy(bits, preset, trial));
                    metrics.put(ENERGY, energy(bits, preset));
                    records.add(new SweepRecord(point, trial, 100 + trial, "completed", parameters, metrics, 1.5,
                            null, result(bits, preset, trial)));
                }
                point++;
            }
        }
        return records;
    }

    /** The results, as read from a sweep directory. */
    public static SweepResults results() {
        return new SweepResults(Path.of("synthetic/results.jsonl"), records(), List.of(BITS_PATH, PRESET_PATH),
                List.of(ACCURACY, ENERGY), null, 0);
    }

    /** One line of results.jsonl. */
    public static ObjectNode line(SweepRecord record) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("schemaVersion", 1);
        line.put("point", record.point());
        line.put("trial", record.trial());
        line.put("key", String.format("p%04d-t%02d", record.point(), record.trial()));
        line.put("seed", record.seed());
        line.put("status", record.status());
        ObjectNode parameters = line.putObject("parameters");
        record.parameters().forEach(parameters::set);
        ObjectNode metrics = line.putObject("metrics");
        record.metrics().forEach((name, value) -> {
            if (value == null) {
                metrics.putNull(name);
            } else {
                metrics.put(name, value);
            }
        });
        line.put("wallSeconds", record.wallSeconds());
        if (record.error() == null) {
            line.putNull("error");
        } else {
            line.put("error", record.error());
        }
        line.set("result", record.result());
        return line;
    }

    private static JsonNode result(int bits, String preset, int trial) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("status", "completed");
        ObjectNode metrics = result.putObject("metrics");
        metrics.put("testAccuracyDirectAssociation", accuracy(bits, preset, trial));
        ArrayNode epochs = metrics.putArray("epochs");
        ArrayNode evaluations = metrics.putArray("evaluations");
        for (int epoch = 0; epoch <= EPOCHS; epoch++) {
            if (epoch < EPOCHS) {
                epochs.addObject().put("epoch", epoch).put("meanLoss", 1.0 / (epoch + 1) + 0.01 * trial);
            }
            evaluations.addObject().put("epoch", epoch).put("secondsAfterTraining", 0.0)
                    .put("directAssociationAccuracy", accuracy(bits, preset, trial) * epoch / EPOCHS)
                    .putNull("linearClassifierAccuracy");
        }
        ObjectNode cost = result.putObject("cost");
        ArrayNode entries = cost.putObject("summary").putArray("entries");
        double energy = energy(bits, preset) * TRAINING_SAMPLES;
        entries.addObject().put("phase", "training").put("component", "array-read").put("energyJoules", energy / 4)
                .put("latencySeconds", 1e-6 * TRAINING_SAMPLES);
        entries.addObject().put("phase", "training").put("component", "adc").put("energyJoules", 3 * energy / 4)
                .put("latencySeconds", 2e-6 * TRAINING_SAMPLES);
        entries.addObject().put("phase", "inference").put("component", "adc").put("energyJoules", 1e-10)
                .put("latencySeconds", 1e-7);
        cost.putObject("training").put("samples", TRAINING_SAMPLES).put("energyPerSampleJoules",
                energy(bits, preset));
        cost.putObject("inference").put("samples", 10);
        ObjectNode provenance = result.putObject("provenance");
        provenance.put("rootSeed", 100 + trial);
        ObjectNode resolved = provenance.putObject("resolvedConfig");
        resolved.putObject("chip").set("device", ConfigMapper.valueToTree(DevicePresets.load(preset)));
        resolved.putObject("evaluation").putArray("inferenceTimesSeconds");
        return result;
    }
}
