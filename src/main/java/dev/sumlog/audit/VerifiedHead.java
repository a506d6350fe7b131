package dev.sumlog.audit;

import dev.sumlog.tlog.note.Checkpoint;

/** A log's checkpoint whose signature was verified with the log's trusted key, with the note as served. */
public record VerifiedHead(String note, Checkpoint checkpoint) {
}
