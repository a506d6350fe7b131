package dev.sumlog.verify;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the checks of {@code sumlog verify} on resolved inputs, reporting each result as soon as it
 * is known (fetching a remote log can take a while).
 *
 * <p>Order: {@link Check#FILE_IN_SUMS}, then the receipt chain {@link Check#RECEIPT_SIGNATURE},
 * {@link Check#ENTRY}, {@link Check#INCLUSION}, {@link Check#CONSISTENCY}. The chain stops at its
 * first failure, since each link relies on the one before. It still runs after a file-in-sums
 * failure: it does not depend on the downloaded file, and its result tells the user whether the
 * sums file itself is the one the log vouches for (so the download, not the release, is at fault).
 */
public final class ReleaseVerifier {

    private final VerifyInputs inputs;

    public ReleaseVerifier(VerifyInputs inputs) {
        this.inputs = inputs;
    }

    /**
     * @param listener gets each result as it is known
     * @throws IOException if a local input file cannot be read (the message names it)
     */
    public VerifyReport run(Consumer<CheckResult> listener) throws IOException {
        byte[] sumsBytes = InputFiles.readSmall(inputs.sums(), InputFiles.MAX_SUMS_BYTES, "sums file");
        byte[] receiptBytes = InputFiles.readSmall(inputs.receipt(), InputFiles.MAX_RECEIPT_BYTES, "receipt");
        CheckResult artifact = ArtifactCheck.run(inputs.file(), inputs.sums(), sumsBytes);

        ReceiptChain chain = new ReceiptChain(inputs.receipt(), receiptBytes, inputs.key(), inputs.sums(), sumsBytes);
        List<Supplier<CheckResult>> steps = List.of(chain::signature, chain::entry, chain::inclusion,
                () -> ConsistencyCheck.run(inputs.log(), inputs.key(), chain.checkpoint(), chain.index(),
                        chain.entryBytes()));
        return VerifyReport.run(artifact, steps, listener);
    }
}
