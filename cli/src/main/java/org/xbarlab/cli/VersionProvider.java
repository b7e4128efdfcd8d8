package org.xbarlab.cli;

import org.xbarlab.core.provenance.BuildInfo;
import picocli.CommandLine;

/** Prints the version, git commit and build time of the running jar. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.current();
        return new String[] {
            "xbarlab " + build.version(),
            "commit " + build.gitCommit() + (build.gitDirty() ? " (with uncommitted changes)" : ""),
            "built " + build.buildTime(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }
}
