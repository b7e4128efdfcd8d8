package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Every command explains itself: a description, and a description for every option and parameter. */
class HelpTextTest extends XbarlabTestBase {

    private static void collect(CommandLine command, List<CommandLine> out) {
        out.add(command);
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!out.contains(sub)) {
                collect(sub, out);
            }
        }
    }

    @Test
    void everyCommandOptionAndParameterIsDescribed() {
        CommandLine root = XbarlabCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<CommandLine> commands = new ArrayList<>();
        collect(root, commands);
        assertTrue(commands.size() >= 15, "commands found: " + commands.size());
        List<String> missing = new ArrayList<>();
        for (CommandLine command : commands) {
            CommandSpec spec = command.getCommandSpec();
            if ("help".equals(spec.name())) {
                continue;
            }
            if (spec.usageMessage().description().length == 0) {
                missing.add(spec.qualifiedName() + " (command description)");
            }
            for (OptionSpec option : spec.options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                if (String.join("", option.description()).isBlank()) {
                    missing.add(spec.qualifiedName() + " " + option.longestName());
                }
            }
            for (PositionalParamSpec parameter : spec.positionalParameters()) {
                if (String.join("", parameter.description()).isBlank()) {
                    missing.add(spec.qualifiedName() + " " + parameter.paramLabel());
                }
            }
        }
        assertEquals(List.of(), missing, "undocumented commands, options or parameters");
    }

    @Test
    void helpListsTheExitCodes() {
        CliTestSupport.Run run = CliTestSupport.run("--help");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        for (String code : new String[] {"0", "1", "2", "3", "4"}) {
            assertTrue(run.out().contains("  " + code + " "), "exit code " + code + " listed: " + run.out());
        }
        assertFalse(run.out().isBlank());
    }
}
