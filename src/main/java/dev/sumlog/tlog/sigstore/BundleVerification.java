package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.note.Checkpoint;
import java.time.Instant;
import java.util.Optional;

/**
 * What a verified bundle proves.
 *
 * @param log the trusted log that holds the entry
 * @param logIndex the entry's index as users see it (v1: the virtual index, which only the SET
 *        signs: for a v1 entry without SET it is a claim; the proven position is the shard-local
 *        {@code entry().inclusionProof().logIndex()})
 * @param integratedTime when the log added the entry, only if signed (a v1 SET); v2 has none
 * @param checkpoint the verified checkpoint the entry is included in
 * @param entry the verified entry
 */
public record BundleVerification(LogKey log, long logIndex, Optional<Instant> integratedTime, Checkpoint checkpoint,
        TlogEntry entry) {
}
