package dev.sumlog.catalog;

import dev.sumlog.release.ReleaseKey;
import java.util.List;

/**
 * A release to write, with its live members.
 *
 * @param loggedSha256 the sums digest a log already holds for it, or null when never logged
 */
public record ReleaseRow(long id, ReleaseKey key, List<Member> members, String loggedSha256) {

    /** A live member of a release as the write step needs it. */
    public record Member(String fileName, ArtifactState state, String sha256, String failure) {
    }
}
