/**
 * Progress reporting from library code to the front end ({@link org.xbarlab.core.progress.Progress}).
 */
package org.xbarlab.core.progress;
