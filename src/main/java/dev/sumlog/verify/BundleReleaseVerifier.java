package dev.sumlog.verify;

import dev.sumlog.tlog.sigstore.BundleVerification;
import dev.sumlog.tlog.sigstore.LogKey;
import dev.sumlog.tlog.sigstore.RekorV2Entry;
import dev.sumlog.tlog.tiles.HttpTileFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the checks of {@code sumlog verify --bundle}: {@link Check#FILE_IN_SUMS}, then the bundle
 * chain {@link Check#BUNDLE}, {@link Check#SIGNED_TIME}, {@link Check#CONSISTENCY}, stopping at
 * the chain's first failure. As with a receipt, the chain runs after a file-in-sums failure: it
 * tells whether the sums file itself is the signed and logged one.
 *
 * <p>Consistency reads the live log: Rekor v1 through its REST API ({@link RekorV1Consistency}),
 * Rekor v2 through its tiles ({@link ConsistencyCheck}, as for the embedded log). It is skipped
 * with {@code --offline} or when the log cannot be reached; the offline result then stands.
 */
public final class BundleReleaseVerifier {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final BundleInputs inputs;

    public BundleReleaseVerifier(BundleInputs inputs) {
        this.inputs = inputs;
    }

    /**
     * @param listener gets each result as it is known
     * @throws IOException if a local input file cannot be read (the message names it)
     */
    public VerifyReport run(Consumer<CheckResult> listener) throws IOException {
        byte[] sumsBytes = InputFiles.readSmall(inputs.sums(), InputFiles.MAX_SUMS_BYTES, "sums file");
        byte[] bundleBytes = InputFiles.readSmall(inputs.bundle(), InputFiles.MAX_RECEIPT_BYTES, "bundle");
        CheckResult artifact = ArtifactCheck.run(inputs.file(), inputs.sums(), sumsBytes);

        BundleChain chain = new BundleChain(inputs.bundle(), bundleBytes, sumsBytes, inputs);
        List<Supplier<CheckResult>> steps = List.of(chain::bundle, chain::signedTime,
                () -> consistency(chain.verification()));
        return VerifyReport.run(artifact, steps, listener);
    }

    private CheckResult consistency(BundleVerification verified) {
        if (inputs.offline()) {
            return CheckResult.skip(Check.CONSISTENCY, "--offline: the log was not contacted");
        }
        LogKey log = verified.log();
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        URI url;
        try {
            url = URI.create(log.baseUrl().contains("://") ? log.baseUrl() : "https://" + log.baseUrl());
        } catch (IllegalArgumentException e) {
            return CheckResult.skip(Check.CONSISTENCY, "log URL " + log.baseUrl() + " is not usable: " + e.getMessage());
        }
        if (verified.entry() instanceof RekorV2Entry v2) {
            LogLocation location = new LogLocation(url.toString(), new HttpTileFetcher(url, client, REQUEST_TIMEOUT));
            return ConsistencyCheck.run(location, log.checkpointVerifier(), verified.checkpoint(), v2.logIndex(),
                    v2.canonicalizedBody(), "bundle's");
        }
        return new RekorV1Consistency(client).run(log, verified.checkpoint());
    }
}
