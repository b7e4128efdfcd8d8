package org.xbarlab.algorithms.hebbian;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a Hebbian step {@code ΔW = G'ᵀ·X − Q} reaches the devices. No rule here is a pure outer product: each has a
 * term {@code Q} that multiplies the present weights (decay or reconstruction).
 */
public enum DeviceUpdate {
    /**
     * {@code ΔW} is formed digitally by the FastHebb matrix products and written once per mini-batch with
     * {@code Crossbar.applyDelta} (whole pulses per device on an analog tile).
     */
    @JsonProperty("delta")
    DELTA,
    /**
     * The Hebbian term {@code G'ᵀ·X} goes through the crossbar's pulsed outer-product update
     * {@code Crossbar.update(X, −G', η)} (coincident pulse trains, exact for this rank-{@code M} term and never formed
     * digitally), and only {@code −η·Q} is written with {@code Crossbar.applyDelta}: two writes per mini-batch.
     */
    @JsonProperty("outer-product-and-delta")
    OUTER_PRODUCT_AND_DELTA
}
