package org.xbarlab.crossbar;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How target conductances are written. */
public enum ProgrammingMethod {
    /** One write per device, with the device's programming noise. */
    @JsonProperty("one-shot")
    ONE_SHOT,
    /** Write, read back, rewrite the devices outside the tolerance, up to the device's iteration cap. */
    @JsonProperty("write-verify")
    WRITE_VERIFY
}
