/**
 * Evaluation of learned representations: the software linear (softmax) classifier, and later class association.
 */
package org.xbarlab.algorithms.evaluation;
