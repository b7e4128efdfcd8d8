/**
 * Layered networks whose weights live on crossbars: activations, dense layers (weights on a
 * {@link org.xbarlab.crossbar.Crossbar}, bias digital), Xavier initialisation and dropout. Learning rules
 * (backpropagation, equilibrium propagation, Hebbian) drive these layers; they never touch weights except through
 * the crossbar API.
 */
package org.xbarlab.algorithms.network;
