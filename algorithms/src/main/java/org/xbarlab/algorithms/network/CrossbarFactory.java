package org.xbarlab.algorithms.network;

import org.xbarlab.crossbar.Crossbar;

/** Builds the crossbar that holds the weights of one layer. */
@FunctionalInterface
public interface CrossbarFactory {
    /**
     * @param layer index of the weight layer, input first, from 0
     * @param rows outputs of the layer
     * @param columns inputs of the layer
     * @return a crossbar of {@code rows × columns} with its ledger
     */
    Crossbar create(int layer, int rows, int columns);
}
