package dev.sumlog.cli;

import dev.sumlog.verify.BundleInputs;
import dev.sumlog.verify.BundleReleaseVerifier;
import dev.sumlog.verify.ReleaseVerifier;
import dev.sumlog.verify.VerifyInputException;
import dev.sumlog.verify.VerifyInputs;
import dev.sumlog.verify.VerifyReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sumlog verify}: a thin shell over {@link ReleaseVerifier} (embedded log, tlog-proof receipt)
 * and {@link BundleReleaseVerifier} (Sigstore bundle from a Rekor log); no Spring context, no state
 * directory. Which one runs is chosen by {@code --bundle}; options of the other mode are refused
 * rather than ignored, so a user never believes a check ran that did not.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify one downloaded release file against its SHA256SUMS and the transparency log.",
                "Embedded log: FILE --log DIR|URL --vkey VKEY [--sums F] [--receipt F]; checks file-in-sums,"
                        + " receipt-signature, entry, inclusion, consistency.",
                "Rekor (Sigstore bundle): FILE --bundle B --key PUB (--trusted-root T | --log-key K [--log-url URL])"
                        + " [--sums F] [--offline]; checks file-in-sums, bundle, signed-time, consistency.",
                "Prints one line per check (ok, FAIL or skip), then the result."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check that ran holds (consistency is skipped when the log is unreachable"
                + " or with --offline)",
                "1:a check failed (named in the output; an unreadable or forged bundle fails the bundle check)",
                "2:usage error (missing file, bad key, bad trusted root, options of both modes...)"})
class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The downloaded release file.")
    Path file;

    @Option(names = "--log", paramLabel = "DIR|URL",
            description = "Embedded log: its directory, or the http(s) URL serving its checkpoint and tiles.")
    String log;

    @Option(names = "--vkey", paramLabel = "VKEY",
            description = "Embedded log: its verifier key <name>+<hex id>+<base64> (as `sumlog log-key` prints it).")
    String vkey;

    @Option(names = "--sums", paramLabel = "FILE",
            description = "The sums file (default: the *.SHA256SUMS or SHA256SUMS beside FILE that lists it).")
    Path sums;

    @Option(names = "--receipt", paramLabel = "FILE",
            description = "Embedded log: the receipt (default: <sums>.tlog-proof).")
    Path receipt;

    @Option(names = "--bundle", paramLabel = "FILE",
            description = "Rekor: the sums file's Sigstore bundle (<sums>.sigstore.json) written by a rekor-v1 or"
                    + " rekor-v2 log.")
    Path bundle;

    @Option(names = "--key", paramLabel = "PUB",
            description = "Rekor: the release signer's PEM public key (the .pub of the job's signing key).")
    Path key;

    @Option(names = "--trusted-root", paramLabel = "FILE",
            description = "Rekor: a Sigstore trusted_root.json; the bundle's log is found by its log ID, its URL is"
                    + " the root's baseUrl, and RFC 3161 timestamps are checked against its timestampAuthorities."
                    + " A signed time (timestamp or Rekor v1 SET) is then required.")
    Path trustedRoot;

    @Option(names = "--log-key", paramLabel = "PEM",
            description = "Rekor: instead of a trusted root, the log's PEM public key (e.g. from"
                    + " <log>/api/v1/log/publicKey). No TSA is trusted then; timestamps are reported as skipped.")
    Path logKey;

    @Option(names = "--log-url", paramLabel = "URL",
            description = "Rekor, with --log-key: the log's URL (default: https://<host>, the host named by the"
                    + " bundle's checkpoint origin, which the log key must have signed).")
    String logUrl;

    @Option(names = "--offline", description = "Rekor: do not contact the log (consistency is reported as skipped).")
    boolean offline;

    @Override
    public Integer call() throws Exception {
        try {
            VerifyReport report = bundle != null ? runBundle() : runReceipt();
            System.out.println(report.summary());
            return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (VerifyInputException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private VerifyReport runReceipt() throws Exception {
        refuse("without --bundle", opt("--key", key), opt("--trusted-root", trustedRoot), opt("--log-key", logKey),
                opt("--log-url", logUrl), opt("--offline", offline ? true : null));
        if (log == null || vkey == null) {
            throw new UsageException("verify needs --log and --vkey (embedded log), or --bundle (Rekor); see --help");
        }
        VerifyInputs inputs = VerifyInputs.resolve(file, Optional.ofNullable(sums), Optional.ofNullable(receipt),
                log, vkey);
        return new ReleaseVerifier(inputs).run(result -> System.out.println(result.line()));
    }

    private VerifyReport runBundle() throws Exception {
        refuse("with --bundle", opt("--log", log), opt("--vkey", vkey), opt("--receipt", receipt));
        if (key == null) {
            throw new UsageException("--bundle needs --key PUB, the release signer's public key");
        }
        BundleInputs inputs = BundleInputs.resolve(file, Optional.ofNullable(sums), bundle, key,
                Optional.ofNullable(trustedRoot), Optional.ofNullable(logKey), Optional.ofNullable(logUrl), offline);
        return new BundleReleaseVerifier(inputs).run(result -> System.out.println(result.line()));
    }

    private static String opt(String name, Object value) {
        return value == null ? null : name;
    }

    /** Options of the other mode, given anyway, are an error: silently ignoring one would hide a check. */
    private static void refuse(String mode, String... given) {
        List<String> wrong = Stream.of(given).filter(Objects::nonNull).toList();
        if (!wrong.isEmpty()) {
            throw new UsageException(String.join(", ", wrong) + " cannot be used " + mode + "; see --help");
        }
    }
}
