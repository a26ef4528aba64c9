package minsheng.app;

import java.io.IOException;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every command ends when it cannot go on: what the operator reads on standard error, and the exit status. Bad
 * usage is said the same way by every command — the problem, then that command's help — and exits 2.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    private final PrintStream err;

    Failures(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        if (e instanceof ExitException exit) {
            err.println(exit.getMessage());
            return exit.status();
        }
        if (e instanceof IOException) {
            err.println(e.getMessage());
            return ExitException.FAILED;
        }
        throw e; // a bug: picocli prints its stack trace and exits 1
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        err.println(problem(e, command.getCommandSpec()));
        command.usage(err, CommandLine.Help.Ansi.OFF);
        return ExitException.USAGE;
    }

    /** Picocli's own words, except for an argument nobody takes: said in the same words by every command. */
    private static String problem(ParameterException e, CommandSpec spec) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        String argument = unmatched.getUnmatched().get(0);
        boolean root = spec.parent() == null;
        String what = argument.startsWith("-") ? "unknown option"
                : root ? "unknown command"
                : "unexpected argument";
        return (root ? "" : spec.name() + ": ") + what + " \"" + argument + "\"";
    }
}
