package dev.sumlog.submit;

import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.catalog.OutputRepository.OutputFile;
import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.catalog.SubmissionRepository.LoggedRow;
import dev.sumlog.output.OutputFailures;
import dev.sumlog.output.OutputTree;
import dev.sumlog.release.SumsFileNames;
import dev.sumlog.support.PausePoint;
import dev.sumlog.submit.LogTarget.Logged;
import dev.sumlog.tlog.receipt.TlogProof;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes receipts beside their sums files. A receipt's {@code extra} carries the entry itself, so it
 * verifies offline: the inclusion proof authenticates the entry, the entry names the sums.
 *
 * <p>A receipt that cannot be written (a file sumlog did not write stands there, a name the file
 * system refuses) does not hold back its batch: its entry is recorded as logged without a receipt,
 * the problem is reported, and the next run writes the receipt from the log. A full or read-only
 * tree stops the step.
 */
final class ReceiptWriter {

    private final OutputTree out;
    private final OutputRepository outputs;

    ReceiptWriter(OutputTree out, OutputRepository outputs) {
        this.out = out;
        this.outputs = outputs;
    }

    /** One verified inclusion whose receipt is to be written. */
    record Request(long submissionId, String sumsPath, byte[] entry, Logged logged) {
    }

    /** What the caller records in its transaction. */
    record Result(List<LoggedRow> logged, List<OutputFile> written, List<Problem> skipped) {
    }

    Result writeAll(List<Request> requests) {
        List<String> paths = requests.stream().map(r -> r.sumsPath() + SumsFileNames.RECEIPT_SUFFIX).toList();
        Map<String, String> owned = outputs.owned(out.key(), paths);
        Result result = new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            String path = paths.get(i);
            TlogProof proof = r.logged().receipt();
            byte[] receipt = new TlogProof(Optional.of(r.entry()), proof.index(), proof.proof(), proof.checkpointNote())
                    .format().getBytes(StandardCharsets.UTF_8);
            String receiptPath = null;
            try {
                result.written().add(out.publish(path, receipt, owned.get(path)));
                receiptPath = path;
                PausePoint.reached("receipt-file");
            } catch (IOException e) {
                result.skipped().add(new Problem(path, OutputFailures.skipReason(e, "receipt"), true));
            }
            result.logged().add(new LoggedRow(r.submissionId(), r.logged().index(), receiptPath));
        }
        return result;
    }
}
