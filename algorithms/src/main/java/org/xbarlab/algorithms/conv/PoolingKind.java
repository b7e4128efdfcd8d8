package org.xbarlab.algorithms.conv;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a pooling window reduces its values. */
public enum PoolingKind {
    /** No pooling: the layer's output goes on unchanged. */
    @JsonProperty("none")
    NONE,
    /** The largest value of the window (PyTorch {@code MaxPool2d}: padding counts as −∞). */
    @JsonProperty("max")
    MAX,
    /**
     * The mean of the window (PyTorch {@code AvgPool2d} with its default {@code count_include_pad=True}: padding
     * counts as 0 and the divisor is always {@code kernel²}).
     */
    @JsonProperty("average")
    AVERAGE
}
