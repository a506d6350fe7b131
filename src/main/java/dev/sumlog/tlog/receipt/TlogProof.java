package dev.sumlog.tlog.receipt;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.NoteVerifiers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A {@code c2sp.org/tlog-proof@v1} file (conventionally {@code *.tlog-proof}):
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * [extra &lt;base64 opaque data&gt;]
 * index &lt;decimal, no leading zeros&gt;
 * &lt;base64 hash&gt;          (zero or more, leaf's sibling first)
 *
 * &lt;signed checkpoint note, verbatim&gt;
 * </pre>
 *
 * The extra data is not authenticated; callers must not trust it.
 *
 * @param extra optional opaque data
 * @param index zero-based index of the entry
 * @param proof inclusion proof hashes (32 bytes each), leaf's sibling first
 * @param checkpointNote the signed checkpoint note, byte for byte as the log served it
 */
public record TlogProof(Optional<byte[]> extra, long index, List<byte[]> proof, String checkpointNote) {

    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    /** A tree of at most 2^63 - 1 leaves has at most 63 proof hashes. */
    private static final int MAX_HASHES = 63;

    public TlogProof {
        if (index < 0) {
            throw new IllegalArgumentException("tlog-proof index must not be negative");
        }
        extra = extra.map(byte[]::clone);
        proof = proof.stream().map(byte[]::clone).toList();
    }

    /** Parses a proof file; the checkpoint is not checked until {@link #verify}. */
    public static TlogProof parse(String file) {
        // Header lines are never empty, so the first blank line ends them; the rest is the note.
        int blank = file.indexOf("\n\n");
        if (blank < 0) {
            throw new TlogException("tlog-proof: no blank line before the checkpoint");
        }
        String[] lines = file.substring(0, blank).split("\n", -1);
        String note = file.substring(blank + 2);
        if (!lines[0].equals(HEADER)) {
            throw new TlogException("tlog-proof: first line is not " + HEADER);
        }
        int line = 1;
        Optional<byte[]> extra = Optional.empty();
        if (line < lines.length && lines[line].startsWith("extra ")) {
            extra = Optional.of(base64(lines[line++].substring("extra ".length()), "extra data"));
        }
        if (line >= lines.length || !lines[line].startsWith("index ")) {
            throw new TlogException("tlog-proof: missing index line");
        }
        long index = parseIndex(lines[line++].substring("index ".length()));
        if (lines.length - line > MAX_HASHES) {
            throw new TlogException("tlog-proof: more than " + MAX_HASHES + " proof hashes");
        }
        List<byte[]> proof = new ArrayList<>();
        for (; line < lines.length; line++) {
            byte[] hash = base64(lines[line], "proof hash " + proof.size());
            if (hash.length != Rfc6962.HASH_SIZE) {
                throw new TlogException("tlog-proof: proof hash " + proof.size() + " is " + hash.length + " bytes, want 32");
            }
            proof.add(hash);
        }
        if (note.isEmpty()) {
            throw new TlogException("tlog-proof: no checkpoint after the blank line");
        }
        return new TlogProof(extra, index, proof, note);
    }

    public static TlogProof parse(byte[] file) {
        return parse(new String(file, StandardCharsets.UTF_8));
    }

    /** The file text. */
    public String format() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        extra.ifPresent(e -> sb.append("extra ").append(Base64.getEncoder().encodeToString(e)).append('\n'));
        sb.append("index ").append(index).append('\n');
        proof.forEach(h -> sb.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return sb.append('\n').append(checkpointNote).toString();
    }

    /**
     * Checks the checkpoint signature against trusted keys, then that {@code leafHash} is at
     * {@link #index} in the checkpointed tree. Callers should also check the returned
     * checkpoint's origin is the log they expect.
     *
     * @return the verified checkpoint
     * @throws TlogException naming the failed check
     */
    public Checkpoint verify(byte[] leafHash, NoteVerifiers trusted) {
        Checkpoint checkpoint = Checkpoint.fromSignedNote(checkpointNote.getBytes(StandardCharsets.UTF_8), trusted);
        ProofVerifier.verifyInclusion(index, checkpoint.size(), leafHash, proof, checkpoint.rootHash());
        return checkpoint;
    }

    /** {@link #verify} for the raw entry bytes (leaf hash = SHA-256(0x00 || entry)). */
    public Checkpoint verifyEntry(byte[] entry, NoteVerifiers trusted) {
        return verify(Rfc6962.hashLeaf(entry), trusted);
    }

    private static long parseIndex(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new TlogException("tlog-proof: index is not a decimal number");
        }
        if (s.length() > 1 && s.charAt(0) == '0') {
            throw new TlogException("tlog-proof: index has a leading zero");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new TlogException("tlog-proof: index does not fit in 63 bits", e);
        }
    }

    private static byte[] base64(String s, String what) {
        if (s.isEmpty() || s.length() % 4 != 0) {
            throw new TlogException("tlog-proof: " + what + " is not padded base64");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new TlogException("tlog-proof: " + what + " is not base64", e);
        }
        // Stray bits before the padding would give a second spelling of the same bytes.
        if (!Base64.getEncoder().encodeToString(bytes).equals(s)) {
            throw new TlogException("tlog-proof: " + what + " is not canonical base64");
        }
        return bytes;
    }
}
