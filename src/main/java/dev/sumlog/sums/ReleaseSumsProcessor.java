package dev.sumlog.sums;

import dev.sumlog.catalog.ArtifactState;
import dev.sumlog.catalog.ReleaseRow.Member;
import dev.sumlog.catalog.ReleaseRow;
import dev.sumlog.catalog.WriteOutcome;
import dev.sumlog.output.OutputFailures;
import dev.sumlog.output.OutputTree;
import dev.sumlog.release.SumsFileNames;
import dev.sumlog.support.PausePoint;
import dev.sumlog.support.Sha256;
import dev.sumlog.tlog.merkle.RgetName;
import java.io.IOException;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Writes one release's sums file into the output tree and says what it wrote. Idempotent: the bytes
 * depend only on the catalog, so a chunk replayed after a crash rewrites identical files.
 *
 * <p>A release is BLOCKED, never written partially, when a member could not be read (a sums file is
 * a claim about the whole release), and also when its sums file or its future receipt cannot be
 * published: a name the file system refuses, or a file sumlog did not write standing there. Such a
 * release is skipped with a one-line reason and every other release goes on. A full or read-only
 * output tree stops the step instead, since no release could be written.
 */
public class ReleaseSumsProcessor implements ItemProcessor<ReleaseRow, WriteOutcome> {

    private final OutputTree out;
    private final boolean holdDoubted;

    /** Reads rows from {@link PendingReleaseReader}, which carries what sumlog owns at each output path. */
    public ReleaseSumsProcessor(OutputTree out) {
        this(out, false);
    }

    /**
     * @param holdDoubted the job's {@code on-bad: hold}: a release with a doubted member (a bad signature,
     *                    a flagged archive) is held, neither written nor logged, until a later read clears it
     */
    public ReleaseSumsProcessor(OutputTree out, boolean holdDoubted) {
        this.out = out;
        this.holdDoubted = holdDoubted;
    }

    @Override
    public WriteOutcome process(ReleaseRow row) {
        List<Member> members = row.members();
        if (members.isEmpty()) {
            return WriteOutcome.empty(row.id());
        }
        List<String> unreadable = members.stream().filter(m -> m.state() != ArtifactState.HASHED)
                .map(m -> m.fileName() + " (" + (m.failure() == null ? m.state() : m.failure()) + ")").toList();
        if (!unreadable.isEmpty()) {
            return WriteOutcome.blocked(row.id(), "sums not written, unreadable member: " + String.join(", ", unreadable),
                    members.size());
        }
        if (holdDoubted) {
            List<String> doubted = members.stream().filter(m -> m.doubt() != null)
                    .map(m -> m.fileName() + " (" + m.doubt() + ")").toList();
            if (!doubted.isEmpty()) {
                return WriteOutcome.blocked(row.id(), "held (on-bad: hold), not written or logged: "
                        + String.join(", ", doubted), members.size());
            }
        }
        String sumsPath = row.key().sumsPath();
        try {
            List<SumsLine> lines = members.stream().map(m -> SumsLine.ofHex(m.fileName(), m.sha256())).toList();
            byte[] content = SumsFormat.format(lines);
            String sha256 = Sha256.hex(content);
            if (row.loggedSha256() != null && !row.loggedSha256().equals(sha256)) {
                // The published sums are a logged claim: keep them, and let the alert say what changed.
                return WriteOutcome.changed(row.id(), sumsPath, row.loggedSha256(), "logged sums sha256 "
                        + row.loggedSha256() + ", the release now hashes to " + sha256 + " ("
                        + SumsDifference.describe(out.root().resolve(sumsPath), lines)
                        + "); published sums kept, not logged again", members.size());
            }
            out.checkPublishable(sumsPath + SumsFileNames.RECEIPT_SUFFIX, row.ownedReceiptSha256());
            out.publish(sumsPath, content, row.ownedSumsSha256());
            PausePoint.reached("sums-file");
            // The rget name runs over the digests in file order, which is the sums file's bytewise name order.
            String rgetName = RgetName.of(lines.stream().sorted(SumsFormat.BYTEWISE_NAME_ORDER).map(SumsLine::sha256).toList());
            return WriteOutcome.written(row.id(), sumsPath, sha256, rgetName, members.size());
        } catch (IOException e) {
            return WriteOutcome.blocked(row.id(), OutputFailures.skipReason(e, "sums"), members.size());
        } catch (IllegalArgumentException e) {
            // A name the sums format cannot hold (a lone surrogate, a duplicate): this release only.
            return WriteOutcome.blocked(row.id(), "sums not written: " + e.getMessage(), members.size());
        }
    }
}
