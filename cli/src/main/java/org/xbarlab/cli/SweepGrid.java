package org.xbarlab.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.xbarlab.core.random.RngStreams;

/**
 * The expanded grid of a sweep: every point (one value per swept parameter, the first parameter varying slowest)
 * and every run (point × trial) with its seed. Immutable and thread-safe.
 *
 * <h2>Seeds</h2>
 * The seed of a run is the root seed of a child of the sweep's streams ({@link RngStreams#child}), so a run can be
 * repeated on its own with {@code xbarlab run --seed S}:
 * <ul>
 *   <li>{@link SweepConfig.Seeding#PER_TRIAL} (default): {@code RngStreams.of(root).child("sweep/trial", t)} — the
 *       same seed for trial t of every point (common random numbers);</li>
 *   <li>{@link SweepConfig.Seeding#PER_POINT}: {@code RngStreams.of(root).child("sweep/point", p, t)}.</li>
 * </ul>
 * These child names are part of the results format (docs/sweeps.md).
 */
public final class SweepGrid {

    /** Child name of {@link SweepConfig.Seeding#PER_TRIAL} seeds; index: the trial. */
    public static final String TRIAL_SEED_NAME = "sweep/trial";

    /** Child name of {@link SweepConfig.Seeding#PER_POINT} seeds; indices: the point, then the trial. */
    public static final String POINT_TRIAL_SEED_NAME = "sweep/point";

    /**
     * One grid point.
     *
     * @param index position in the grid, from 0
     * @param values the value of every swept path, in the order of the parameters
     */
    public record Point(int index, Map<String, JsonNode> values) {

        /** Copies the values, keeping their order. */
        public Point {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /**
         * The values as {@code PATH=VALUE} overrides (values as JSON text, so strings are quoted).
         *
         * @return a new list
         */
        public List<String> overrides() {
            List<String> overrides = new ArrayList<>(values.size());
            values.forEach((path, value) -> overrides.add(path + "=" + value.toString()));
            return overrides;
        }

        /**
         * A short label: {@code path=value} pairs with each path shortened to its last segment.
         *
         * @return for example {@code resolutionBits=4, cycleToCycleWindowFraction=0.01}; {@code base} without
         *         parameters
         */
        public String label() {
            if (values.isEmpty()) {
                return "base";
            }
            StringBuilder text = new StringBuilder();
            values.forEach((path, value) -> text.append(text.length() > 0 ? ", " : "")
                    .append(path.substring(path.lastIndexOf('.') + 1)).append('=')
                    .append(value.isTextual() ? value.asText() : value.toString()));
            return text.toString();
        }
    }

    /**
     * One run: a point and a trial, with its seed.
     *
     * @param point the point
     * @param trial the trial, from 0
     * @param seed the run's root seed
     */
    public record Run(Point point, int trial, long seed) {

        /**
         * The run's directory name under {@code DIR/runs/}.
         *
         * @return for example {@code p0003-t01}
         */
        public String key() {
            return key(point.index(), trial);
        }

        /**
         * The directory name of a run.
         *
         * @param point the point index
         * @param trial the trial
         * @return for example {@code p0003-t01}
         */
        public static String key(int point, int trial) {
            return String.format(Locale.ROOT, "p%04d-t%02d", point, trial);
        }
    }

    private final SweepConfig config;
    private final long rootSeed;
    private final List<Point> points;
    private final List<Run> runs;

    private SweepGrid(SweepConfig config, long rootSeed, List<Point> points, List<Run> runs) {
        this.config = config;
        this.rootSeed = rootSeed;
        this.points = points;
        this.runs = runs;
    }

    /**
     * Expands a sweep.
     *
     * @param config the sweep, not null
     * @param rootSeed the root seed (the config's, or a generated one)
     * @return the grid
     */
    public static SweepGrid expand(SweepConfig config, long rootSeed) {
        List<SweepParameter> parameters = config.parameters();
        List<List<JsonNode>> values = new ArrayList<>(parameters.size());
        for (SweepParameter parameter : parameters) {
            values.add(parameter.expandedValues());
        }
        int count = Math.toIntExact(config.pointCount());
        List<Point> points = new ArrayList<>(count);
        int[] digits = new int[parameters.size()];
        for (int index = 0; index < count; index++) {
            // Mixed-radix digits, the last parameter varying fastest.
            int rest = index;
            for (int p = parameters.size() - 1; p >= 0; p--) {
                int size = values.get(p).size();
                digits[p] = rest % size;
                rest /= size;
            }
            Map<String, JsonNode> point = new LinkedHashMap<>();
            for (int p = 0; p < parameters.size(); p++) {
                point.put(parameters.get(p).path(), values.get(p).get(digits[p]));
            }
            points.add(new Point(index, point));
        }
        List<Run> runs = new ArrayList<>(Math.multiplyExact(count, config.trials()));
        RngStreams streams = RngStreams.of(rootSeed);
        for (Point point : points) {
            for (int trial = 0; trial < config.trials(); trial++) {
                runs.add(new Run(point, trial, taskSeed(streams, config.seeding(), point.index(), trial)));
            }
        }
        return new SweepGrid(config, rootSeed, List.copyOf(points), List.copyOf(runs));
    }

    /**
     * The seed of one run, as documented in the class comment.
     *
     * @param streams the sweep's streams (of its root seed)
     * @param seeding the seeding scheme
     * @param point the point index
     * @param trial the trial
     * @return the run's root seed
     */
    public static long taskSeed(RngStreams streams, SweepConfig.Seeding seeding, int point, int trial) {
        return switch (seeding) {
            case PER_TRIAL -> streams.child(TRIAL_SEED_NAME, trial).rootSeed();
            case PER_POINT -> streams.child(POINT_TRIAL_SEED_NAME, point, trial).rootSeed();
        };
    }

    /** @return the sweep */
    public SweepConfig config() {
        return config;
    }

    /** @return the root seed */
    public long rootSeed() {
        return rootSeed;
    }

    /** @return the points in grid order, immutable */
    public List<Point> points() {
        return points;
    }

    /** @return the runs, point by point and trial by trial within a point, immutable */
    public List<Run> runs() {
        return runs;
    }

    /**
     * The run of a point and trial.
     *
     * @param point point index
     * @param trial trial
     * @return the run
     * @throws IndexOutOfBoundsException if there is no such run
     */
    public Run run(int point, int trial) {
        if (point < 0 || point >= points.size() || trial < 0 || trial >= config.trials()) {
            throw new IndexOutOfBoundsException("no run " + Run.key(point, trial) + " in a grid of "
                    + points.size() + " point(s) x " + config.trials() + " trial(s)");
        }
        return runs.get(point * config.trials() + trial);
    }
}
