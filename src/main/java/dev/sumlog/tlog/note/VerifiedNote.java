package dev.sumlog.tlog.note;

import java.util.List;

/**
 * A note whose text is authenticated by at least one trusted key.
 *
 * @param text the signed text, ending in a newline
 * @param verified signatures by known keys, all checked (never empty)
 * @param unverified signatures by keys the caller did not supply (ignored, not checked)
 */
public record VerifiedNote(String text, List<NoteSignature> verified, List<NoteSignature> unverified) {

    public VerifiedNote {
        verified = List.copyOf(verified);
        unverified = List.copyOf(unverified);
    }
}
