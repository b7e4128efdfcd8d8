package org.xbarlab.cli;

import java.util.concurrent.Callable;

import org.xbarlab.core.config.ConfigMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xbarlab schema experiment|sweep}: the JSON Schema of the config files, generated from the records. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Prints the JSON Schema (draft 2020-12) of experiment or sweep files, generated from the "
                + "config records: for editors and for checking files before a run. docs/schema/ holds the "
                + "schemas of this build. Ranges and relations between fields are checked by 'xbarlab validate'."})
final class SchemaCommand implements Callable<Integer> {

    /** The file kinds with a schema. */
    enum Kind {
        /** An experiment file of {@code run}. */
        experiment,
        /** A sweep file of {@code sweep}. */
        sweep
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "experiment or sweep")
    private Kind kind;

    @Override
    public Integer call() {
        var schema = kind == Kind.experiment ? JsonSchemas.experiment() : JsonSchemas.sweep();
        spec.commandLine().getOut().println(ConfigMapper.writeJson(schema));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
