package dev.sumlog.catalog;

import dev.sumlog.release.ReleaseKey;
import java.util.List;

/**
 * A release to write, with its live members.
 *
 * @param loggedSha256      the sums digest a log already holds for it, or null when never logged
 * @param ownedSumsSha256    what sumlog last wrote at its sums path in the current output tree, or null
 * @param ownedReceiptSha256 what sumlog last wrote at its receipt path there, or null
 */
public record ReleaseRow(long id, ReleaseKey key, List<Member> members, String loggedSha256, String ownedSumsSha256,
                         String ownedReceiptSha256) {

    /** A row as the catalog lists it, before the output registry is consulted. */
    public ReleaseRow(long id, ReleaseKey key, List<Member> members, String loggedSha256) {
        this(id, key, members, loggedSha256, null, null);
    }

    /** This row with what the output registry says sumlog wrote at its two output paths. */
    public ReleaseRow withOwned(String sumsSha256, String receiptSha256) {
        return new ReleaseRow(id, key, members, loggedSha256, sumsSha256, receiptSha256);
    }

    /**
     * A live member of a release as the write step needs it.
     *
     * @param doubt why its bytes put the release in doubt (a bad signature, a flagged archive), or null
     */
    public record Member(String fileName, ArtifactState state, String sha256, String failure, String doubt) {

        public Member(String fileName, ArtifactState state, String sha256, String failure) {
            this(fileName, state, sha256, failure, null);
        }
    }
}
