/**
 * The xbarlab command line: picocli commands, the experiment config that aggregates every module's config, exit codes. No simulation logic lives here.
 */
package org.xbarlab.cli;
