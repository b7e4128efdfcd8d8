package org.xbarlab.core.cost;

/**
 * The phase of a run that an operation's cost is charged to.
 *
 * <p>Designers compare the cost of learning with the cost of using what was learned, so every charge says which
 * of the two it belongs to; programming the initial weights is kept apart from both.
 */
public enum Phase {
    /** Forward and transposed products, and weight updates, performed while learning. */
    TRAINING,
    /** Products performed to evaluate or use the trained chip. */
    INFERENCE,
    /** Direct programming of conductances (initial mapping, write-verify, reprogramming). */
    PROGRAMMING;

    /** The lower-case name used in result files, for example {@code "training"}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
