/**
 * Whole experiments of the learning rules: data, training epochs, evaluation after chosen epochs and at chosen
 * times after training (drift), as result records. The crossbars come from the caller (a simulated chip or exact
 * software weights); this package never builds hardware.
 */
package org.xbarlab.algorithms.experiment;
