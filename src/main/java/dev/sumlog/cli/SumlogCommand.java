package dev.sumlog.cli;

import dev.sumlog.cli.StateLock.LockedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sumlog} command line: subcommands, generated help, and the mapping of errors to exit codes. */
@Command(name = "sumlog", mixinStandardHelpOptions = true, version = "sumlog 0.1.0",
        description = "Hash a release archive, write a SHA256SUMS per release, and record each in a transparency log.",
        subcommands = {BackfillCommand.class, ReconcileCommand.class, AuditCommand.class, StatusCommand.class, FixtureCommand.class,
                LogKeyCommand.class, KeygenCommand.class, VerifyCommand.class, AckCommand.class, RecoverCommand.class,
                AbandonCommand.class, CommandLine.HelpCommand.class})
public class SumlogCommand implements Runnable {

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required (see --help)");
    }

    /** Runs a command line and returns the process exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SumlogCommand());
        cli.setExitCodeExceptionMapper(SumlogCommand::exitCode);
        cli.setCommandName("sumlog");
        cli.setUsageHelpAutoWidth(true);
        cli.getCommandSpec().usageMessage().showDefaultValues(false);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("sumlog: " + message(e));
            if (!(e instanceof UsageException) && !(e instanceof LockedException) && Boolean.getBoolean("sumlog.debug")) {
                e.printStackTrace(commandLine.getErr());
            }
            return exitCode(e);
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            e.getCommandLine().getErr().println("sumlog: " + e.getMessage());
            e.getCommandLine().getErr().println("try `sumlog " + e.getCommandLine().getCommandName() + " --help`");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }

    private static int exitCode(Throwable e) {
        // A held state directory is a usage error: nothing was started, and retrying later is the fix.
        if (e instanceof UsageException || e instanceof LockedException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage().lines().findFirst().orElse("") : t.toString();
    }

}
