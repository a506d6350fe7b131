package dev.sumlog.tlog.note;

import dev.sumlog.tlog.TlogException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A C2SP signed note: text ending in a newline, a blank line, then one or more signature
 * lines. {@link #parse} only checks syntax; the text must not be trusted before
 * {@link #verify} succeeds.
 *
 * <p>Invariants of a parsed note: valid UTF-8 with no control character but newline; the text
 * is everything up to the <em>last</em> blank line (so the text may itself hold blank lines);
 * 1 to {@value #MAX_SIGNATURES} signatures.
 *
 * @param text the signed text, ending in a newline
 * @param signatures signature lines in note order
 */
public record Note(String text, List<NoteSignature> signatures) {

    /** Cap on signature lines, so a hostile note cannot make us verify forever. */
    public static final int MAX_SIGNATURES = 100;

    public Note {
        signatures = List.copyOf(signatures);
    }

    /** Parses a note from its bytes (must be UTF-8). */
    public static Note parse(byte[] bytes) {
        try {
            return parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new TlogException("note: malformed: not valid UTF-8", e);
        }
    }

    /** Parses a note; see the class comment for what is checked. */
    public static Note parse(String note) {
        requireNoControlCharacters(note);
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new TlogException("note: malformed: no blank line between text and signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty()) {
            throw new TlogException("note: malformed: no signature lines");
        }
        if (!block.endsWith("\n")) {
            throw new TlogException("note: malformed: signature block does not end with a newline");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new TlogException("note: malformed: more than " + MAX_SIGNATURES + " signatures");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            signatures.add(parseSignature(lines[i], i + 1));
        }
        return new Note(text, signatures);
    }

    /** Signs {@code text} with each signer, in order. */
    public static Note sign(String text, NoteSigner... signers) {
        if (!text.endsWith("\n")) {
            throw new TlogException("note: text does not end with a newline");
        }
        requireNoControlCharacters(text);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            NoteKeys.requireValidName(signer.name(), "note");
            signatures.add(new NoteSignature(signer.name(), signer.keyId(), signer.sign(message)));
        }
        return new Note(text, signatures);
    }

    /**
     * Checks the signatures against trusted keys. Unknown (name, ID) pairs are ignored; a known
     * key whose signature fails rejects the note; at least one known key must have signed.
     *
     * @throws TlogException naming the failed check
     */
    public VerifiedNote verify(NoteVerifiers trusted) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> verified = new ArrayList<>();
        List<NoteSignature> unverified = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NoteSignature sig : signatures) {
            Optional<NoteVerifier> verifier = trusted.find(sig.name(), sig.keyId());
            if (verifier.isEmpty()) {
                unverified.add(sig);
            } else if (seen.add(sig.keyLabel())) {
                if (!verifier.get().verify(message, sig.signature())) {
                    throw new TlogException("note: invalid signature for key " + sig.keyLabel());
                }
                verified.add(sig);
            }
        }
        if (verified.isEmpty()) {
            throw new TlogException("note: no verifiable signatures (signed by "
                    + unverified.stream().map(NoteSignature::keyLabel).toList() + ")");
        }
        return new VerifiedNote(text, verified, unverified);
    }

    /** The note as transmitted: text, blank line, signature lines. */
    public String format() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        signatures.forEach(s -> sb.append(s.line()));
        return sb.toString();
    }

    public byte[] bytes() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    private static NoteSignature parseSignature(String line, int number) {
        String where = "note: malformed: signature line " + number;
        if (!line.startsWith(NoteSignature.PREFIX)) {
            throw new TlogException(where + " does not start with an em dash and a space");
        }
        String rest = line.substring(NoteSignature.PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new TlogException(where + " has no space between key name and signature");
        }
        String name = rest.substring(0, space);
        NoteKeys.requireValidName(name, where);
        byte[] blob = NoteKeys.decodeBase64(rest.substring(space + 1), where + ": signature");
        if (blob.length < 5) {
            throw new TlogException(where + ": signature shorter than key ID plus one byte");
        }
        ByteBuffer buf = ByteBuffer.wrap(blob);
        int keyId = buf.getInt();
        byte[] signature = new byte[buf.remaining()];
        buf.get(signature);
        return new NoteSignature(name, keyId, signature);
    }

    private static void requireNoControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new TlogException(String.format("note: malformed: control character U+%04X at offset %d", (int) c, i));
            }
        }
    }
}
