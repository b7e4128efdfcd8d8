package org.xbarlab.crossbar.parasitics;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Row voltages applied by {@link UniformArrayIrDrop}. JSON and command-line names are in brackets. */
public enum IrDropInputPattern {

    /** ({@code "ones"}) 1 V on every row: the worst case for IR drop at a given full-scale voltage. */
    @JsonProperty("ones") ONES("ones"),

    /**
     * ({@code "random"}) independent uniform voltages in [0, 1) V per row, from the stream
     * {@link UniformArrayIrDrop#INPUT_STREAM}.
     */
    @JsonProperty("random") RANDOM("random");

    private final String id;

    IrDropInputPattern(String id) {
        this.id = id;
    }

    /**
     * The stable name used in JSON and on the command line.
     *
     * @return {@code "ones"} or {@code "random"}
     */
    public String id() {
        return id;
    }

    /**
     * The pattern with the given name (case-insensitive).
     *
     * @param name {@code "ones"} or {@code "random"}
     * @return the pattern
     * @throws IllegalArgumentException if the name is null or unknown; the message lists the names
     */
    public static IrDropInputPattern fromId(String name) {
        for (IrDropInputPattern pattern : values()) {
            if (pattern.id.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return pattern;
            }
        }
        throw new IllegalArgumentException("unknown input pattern '" + name + "'; allowed: "
                + Arrays.stream(values()).map(IrDropInputPattern::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
