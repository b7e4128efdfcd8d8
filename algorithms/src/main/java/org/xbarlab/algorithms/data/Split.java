package org.xbarlab.algorithms.data;

import java.util.Locale;

/** The two canonical parts of a data set: the training set and the held-out test set. */
public enum Split {

    /** The training set (60 000 samples for MNIST and Fashion-MNIST). */
    TRAIN("train"),

    /** The test set (10 000 samples for MNIST and Fashion-MNIST), never used for training. */
    TEST("test");

    private final String id;

    Split(String id) {
        this.id = id;
    }

    /**
     * Returns the lower-case name used on the command line and in data set names ({@code "train"}, {@code "test"}).
     *
     * @return the identifier, never null
     */
    public String id() {
        return id;
    }

    /**
     * Finds a split by its identifier, ignoring case.
     *
     * @param id {@code "train"} or {@code "test"}
     * @return the split
     * @throws IllegalArgumentException if {@code id} is null or names no split
     */
    public static Split fromId(String id) {
        if (id != null) {
            String wanted = id.trim().toLowerCase(Locale.ROOT);
            for (Split split : values()) {
                if (split.id.equals(wanted)) {
                    return split;
                }
            }
        }
        throw new IllegalArgumentException("split must be one of train, test; got " + id);
    }
}
