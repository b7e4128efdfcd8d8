package org.xbarlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.xbarlab.algorithms.data.DatasetException;
import org.xbarlab.core.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code xbarlab} command: the root of every subcommand, and the only {@code main} of the project.
 *
 * <p>Exit codes ({@link ExitCodes}): 0 ok, 1 internal error, 2 invalid command line, 3 invalid configuration,
 * 4 input/output error (a damaged checkpoint too), 5 a rerun that differs, 6 a numerical failure, 130 (143) a run
 * interrupted by SIGINT (SIGTERM) after writing its checkpoint. Errors caused by the user's input print one
 * message, never a stack trace.
 */
@Command(name = "xbarlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Simulates analog in-memory-computing chips that learn: device physics, crossbar tiles with energy "
                    + "and latency, and on-chip learning.",
        },
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            RerunCommand.class,
            DatasetsCommand.class,
            CrossbarCommand.class,
            DevicesCommand.class,
            CalibrateCommand.class,
            SweepCommand.class, ReportCommand.class, ValidateCommand.class, SchemaCommand.class,
            CommandLine.HelpCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error (a bug in xbarlab: please report it with the message)",
            "2:invalid command line",
            "3:invalid configuration (the message names the path, the value and what is allowed)",
            "4:input/output error (missing or corrupt file, failed download)",
            "5:xbarlab rerun: the repeated run's numbers differ from the original's",
            "6:the simulation failed numerically (NaN or infinity); the partial result is written, marked failed",
            "130:xbarlab run was interrupted by Ctrl-C (143: by kill); its checkpoint and partial result are "
                    + "written: continue with --resume",
        })
public final class XbarlabCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a subcommand, print the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with xbarlab's exit codes and error handling, writing to the given streams.
     *
     * @param out standard output (results and summaries)
     * @param err standard error (progress, diagnostics)
     * @return the configured command line; call {@code execute(args)}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new XbarlabCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(XbarlabCommand::handleExecutionException);
        return commandLine;
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    private static int handleExecutionException(Exception exception, CommandLine commandLine,
                                                CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof org.xbarlab.core.NumericalFailureException) {
            err.println("xbarlab: numerical failure: " + exception.getMessage());
            return ExitCodes.NUMERICAL_FAILURE;
        }
        if (exception instanceof RunInterruptedException) {
            // Its message was printed when the run stopped (ExperimentRunner), before the JVM could exit.
            return ExitCodes.INTERRUPTED;
        }
        if (exception instanceof org.xbarlab.core.state.CheckpointException) {
            err.println("xbarlab: checkpoint error: " + exception.getMessage());
            return ExitCodes.IO_ERROR;
        }
        if (exception instanceof ConfigException) {
            err.println("xbarlab: invalid configuration: " + exception.getMessage());
            return ExitCodes.INVALID_CONFIG;
        }
        if (exception instanceof DatasetException) {
            err.println("xbarlab: data set error: " + exception.getMessage());
            return ExitCodes.IO_ERROR;
        }
        if (exception instanceof UncheckedIOException || exception instanceof IOException) {
            err.println("xbarlab: input/output error: " + exception.getMessage());
            return ExitCodes.IO_ERROR;
        }
        if (exception instanceof IllegalArgumentException) {
            err.println("xbarlab: invalid argument: " + exception.getMessage());
            err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the allowed values.");
            return ExitCodes.USAGE;
        }
        err.println("xbarlab: internal error (please report it with this output): " + exception);
        exception.printStackTrace(err);
        return ExitCodes.INTERNAL_ERROR;
    }
}
