package dev.sumlog.tlog.note;

import dev.sumlog.tlog.TlogException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog checkpoint: the body of a signed note naming a log's tree head.
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;decimal tree size, no leading zeros&gt;
 * &lt;base64 32-byte root hash&gt;
 * [&lt;non-empty extension line&gt;...]
 * </pre>
 *
 * @param origin the log identity, non-empty
 * @param size number of leaves
 * @param rootHash RFC 6962 root hash at {@code size} (32 bytes)
 * @param extensions opaque extension lines, each non-empty (Rekor v1 used {@code Timestamp: ...})
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("checkpoint origin must be one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("checkpoint size must not be negative");
        }
        if (rootHash.length != 32) {
            throw new IllegalArgumentException("checkpoint root hash must be 32 bytes");
        }
        if (extensions.stream().anyMatch(e -> e.isEmpty() || e.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("checkpoint extension lines must be non-empty single lines");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /**
     * Parses a signed checkpoint note, checks the checkpoint text, then the signatures.
     *
     * @throws TlogException naming the failed check (note syntax, checkpoint syntax, signature)
     */
    public static Checkpoint fromSignedNote(byte[] note, NoteVerifiers trusted) {
        Note parsed = Note.parse(note);
        Checkpoint checkpoint = parse(parsed.text());
        parsed.verify(trusted);
        return checkpoint;
    }

    /** Parses checkpoint text (the note text, ending in a newline). */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new TlogException("checkpoint: text does not end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new TlogException("checkpoint: fewer than 3 lines (origin, size, root hash)");
        }
        if (lines[0].isEmpty()) {
            throw new TlogException("checkpoint: empty origin");
        }
        long size = parseSize(lines[1]);
        byte[] root = NoteKeys.decodeBase64(lines[2], "checkpoint: root hash");
        if (root.length != 32) {
            throw new TlogException("checkpoint: root hash is " + root.length + " bytes, want 32");
        }
        List<String> extensions = Arrays.asList(lines).subList(3, lines.length);
        if (extensions.contains("")) {
            throw new TlogException("checkpoint: empty extension line");
        }
        return new Checkpoint(lines[0], size, root, extensions);
    }

    /** The checkpoint text, ending in a newline. */
    public String format() {
        StringBuilder sb = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }

    /** Signs the checkpoint text; the result is the note to publish. */
    public Note sign(NoteSigner... signers) {
        return Note.sign(format(), signers);
    }

    private static long parseSize(String line) {
        if (line.isEmpty() || !line.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new TlogException("checkpoint: size is not a decimal number");
        }
        if (line.length() > 1 && line.charAt(0) == '0') {
            throw new TlogException("checkpoint: size has a leading zero");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new TlogException("checkpoint: size does not fit in 63 bits", e);
        }
    }
}
