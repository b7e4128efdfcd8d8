package org.xbarlab.crossbar.parasitics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the IR drop of an array is computed. The JSON and command-line names are the lower-case names in brackets;
 * they are part of the file format and never change.
 */
public enum IrDropMethod {

    /** ({@code "exact"}) The exact nodal solve of the whole resistive network, {@link ExactIrDropSolver}. */
    @JsonProperty("exact") EXACT("exact"),

    /** ({@code "fast"}) The batched line-relaxation approximation, {@link FastIrDropModel}. */
    @JsonProperty("fast") FAST("fast"),

    /**
     * ({@code "aihwkit-heuristic"}) aihwkit's closed-form IR-drop heuristic, {@link AihwkitIrDropHeuristic}: cheap,
     * not a circuit solve, and far from exact (see {@code docs/ir-drop.md}).
     */
    @JsonProperty("aihwkit-heuristic") AIHWKIT_HEURISTIC("aihwkit-heuristic");

    private final String id;

    IrDropMethod(String id) {
        this.id = id;
    }

    /**
     * The stable name used in JSON and on the command line.
     *
     * @return for example {@code "exact"}
     */
    public String id() {
        return id;
    }

    /**
     * The method with the given name ({@link #id()}, case-insensitive).
     *
     * @param name the name, for example {@code "fast"}
     * @return the method
     * @throws IllegalArgumentException if {@code name} is null or not a known name; the message lists the names
     */
    public static IrDropMethod fromId(String name) {
        for (IrDropMethod method : values()) {
            if (method.id.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown IR-drop method '" + name + "'; allowed: "
                + Arrays.stream(values()).map(IrDropMethod::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
