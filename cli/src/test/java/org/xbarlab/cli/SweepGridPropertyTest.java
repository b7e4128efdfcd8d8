package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;

class SweepGridPropertyTest extends XbarlabTestBase {

    private static SweepConfig sweep(List<Integer> counts, int trials, SweepConfig.Seeding seeding) {
        List<SweepParameter> parameters = new ArrayList<>();
        for (int p = 0; p < counts.size(); p++) {
            if (p % 2 == 0) {
                List<JsonNode> values = new ArrayList<>();
                for (int v = 0; v < counts.get(p); v++) {
                    values.add(p % 4 == 0 ? IntNode.valueOf(v) : TextNode.valueOf("v" + v));
                }
                parameters.add(SweepParameter.of("a.p" + p, values));
            } else {
                int steps = counts.get(p);
                parameters.add(SweepParameter.range("b.p" + p, 1, steps == 1 ? 1 : 1000, steps,
                        SweepParameter.Scale.LOG));
            }
        }
        return new SweepConfig(1, "property", TextNode.valueOf("base.json"), null, parameters, trials, 7L, seeding,
                null);
    }

    @Property(tries = 200)
    void sizeIsTheProductOfTheValueCountsTimesTheTrials(
            @ForAll @Size(max = 5) List<@IntRange(min = 1, max = 4) Integer> counts,
            @ForAll @IntRange(min = 1, max = 3) int trials) {
        SweepGrid grid = SweepGrid.expand(sweep(counts, trials, SweepConfig.Seeding.PER_TRIAL), 7);
        long product = counts.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
        assertEquals(product, grid.points().size(), "points of " + counts);
        assertEquals(product * trials, grid.runs().size(), "runs of " + counts + " x " + trials);
        assertEquals(product * trials, grid.config().runCount());
        // Every point is a distinct combination, every run a distinct key, in grid order.
        Set<Map<String, JsonNode>> combinations = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < grid.runs().size(); i++) {
            SweepGrid.Run run = grid.runs().get(i);
            assertEquals(i / trials, run.point().index());
            assertEquals(i % trials, run.trial());
            assertTrue(keys.add(run.key()), "duplicate key " + run.key());
            assertEquals(run, grid.run(run.point().index(), run.trial()));
            combinations.add(run.point().values());
            assertEquals(counts.size(), run.point().values().size());
        }
        assertEquals(product, combinations.size(), "distinct combinations");
    }

    @Property(tries = 50)
    void seedsArePerTrialOrPerPointAndTrialAsDocumented(
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 3) Integer> counts,
            @ForAll @IntRange(min = 1, max = 3) int trials) {
        SweepGrid common = SweepGrid.expand(sweep(counts, trials, SweepConfig.Seeding.PER_TRIAL), 7);
        SweepGrid independent = SweepGrid.expand(sweep(counts, trials, SweepConfig.Seeding.PER_POINT), 7);
        Set<Long> independentSeeds = new HashSet<>();
        for (SweepGrid.Run run : common.runs()) {
            assertEquals(RngStreams.of(7).child(SweepGrid.TRIAL_SEED_NAME, run.trial()).rootSeed(), run.seed());
            assertEquals(common.run(0, run.trial()).seed(), run.seed(), "common random numbers across points");
        }
        for (SweepGrid.Run run : independent.runs()) {
            assertEquals(RngStreams.of(7).child(SweepGrid.POINT_TRIAL_SEED_NAME, run.point().index(), run.trial())
                    .rootSeed(), run.seed());
            assertTrue(independentSeeds.add(run.seed()), "seeds differ between runs");
        }
        if (trials > 1) {
            assertNotEquals(common.run(0, 0).seed(), common.run(0, 1).seed());
        }
    }

    @Property(tries = 200)
    void rangesHitBothEndsExactlyAndAreMonotonic(
            @ForAll @DoubleRange(min = 1e-6, max = 1e3) @Scale(9) double min,
            @ForAll @DoubleRange(min = 1.001, max = 1e4) @Scale(6) double ratio,
            @ForAll @IntRange(min = 2, max = 30) int steps) {
        double max = min * ratio;
        for (SweepParameter.Scale scale : SweepParameter.Scale.values()) {
            List<JsonNode> values = SweepParameter.range("x", min, max, steps, scale).expandedValues();
            assertEquals(steps, values.size());
            assertEquals(min, values.get(0).doubleValue(), 0.0);
            assertEquals(max, values.get(steps - 1).doubleValue(), 0.0);
            for (int i = 1; i < steps; i++) {
                assertTrue(values.get(i).doubleValue() > values.get(i - 1).doubleValue(), scale + " " + values);
            }
            if (scale == SweepParameter.Scale.LOG && steps > 2) {
                double first = values.get(1).doubleValue() / values.get(0).doubleValue();
                double last = values.get(steps - 1).doubleValue() / values.get(steps - 2).doubleValue();
                assertEquals(first, last, first * 1e-9, "equal ratios: " + values);
            }
        }
    }
}
