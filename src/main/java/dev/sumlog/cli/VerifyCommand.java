package dev.sumlog.cli;

import dev.sumlog.verify.ReleaseVerifier;
import dev.sumlog.verify.VerifyInputException;
import dev.sumlog.verify.VerifyInputs;
import dev.sumlog.verify.VerifyReport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sumlog verify}: a thin shell over {@link ReleaseVerifier}; no Spring context, no state directory. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify one downloaded release file against its SHA256SUMS, the sums file's tlog-proof receipt,"
                + " and the transparency log.",
                "Prints one line per check: file-in-sums, receipt-signature, entry, inclusion, consistency."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check that ran holds (consistency is skipped when the log is unreachable)",
                "1:a check failed (named in the output)", "2:usage error (missing file, bad key text...)"})
class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The downloaded release file.")
    Path file;

    @Option(names = "--log", required = true, paramLabel = "DIR|URL",
            description = "The log: its directory, or the http(s) URL serving its checkpoint and tiles.")
    String log;

    @Option(names = "--vkey", required = true, paramLabel = "VKEY",
            description = "The log's verifier key <name>+<hex id>+<base64> (as `sumlog log-key` prints it).")
    String vkey;

    @Option(names = "--sums", paramLabel = "FILE",
            description = "The sums file (default: the *.SHA256SUMS or SHA256SUMS beside FILE that lists it).")
    Path sums;

    @Option(names = "--receipt", paramLabel = "FILE", description = "The receipt (default: <sums>.tlog-proof).")
    Path receipt;

    @Override
    public Integer call() throws Exception {
        try {
            VerifyInputs inputs = VerifyInputs.resolve(file, Optional.ofNullable(sums), Optional.ofNullable(receipt),
                    log, vkey);
            VerifyReport report = new ReleaseVerifier(inputs).run(result -> System.out.println(result.line()));
            System.out.println(report.summary());
            return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (VerifyInputException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
