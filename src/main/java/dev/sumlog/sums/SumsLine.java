package dev.sumlog.sums;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One line of a SHA256SUMS file: a file name relative to the sums file's directory and its SHA-256.
 *
 * <p>Invariants: {@code sha256} is exactly 32 bytes and is copied in and out, so a line is immutable;
 * {@code name} is non-empty, contains no NUL (coreutils cannot express one) and is well-formed UTF-16,
 * so it has exactly one UTF-8 encoding ({@link #nameBytes()}), which is what sorting and the file use.
 * Equality compares the digest by content, unlike a plain record with an array component.
 *
 * @param name   file name, may contain '/', spaces, '\', LF and CR
 * @param sha256 the 32-byte digest
 */
public record SumsLine(String name, byte[] sha256) {

    /** Length of a SHA-256 digest in bytes. */
    public static final int DIGEST_LENGTH = 32;

    public SumsLine {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("file name must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("file name contains NUL: " + name.replace('\0', '?'));
        }
        if (sha256 == null || sha256.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("SHA-256 must be " + DIGEST_LENGTH + " bytes for " + name);
        }
        checkWellFormed(name);
        sha256 = sha256.clone();
    }

    /** Builds a line from a 64-character hex digest (either case). */
    public static SumsLine ofHex(String name, String sha256Hex) {
        if (sha256Hex == null || sha256Hex.length() != 2 * DIGEST_LENGTH) {
            throw new IllegalArgumentException("SHA-256 hex must be 64 characters for " + name);
        }
        return new SumsLine(name, HexFormat.of().parseHex(sha256Hex));
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** The digest as 64 lowercase hex characters. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /** The name's UTF-8 bytes: what the file holds and what the sort order compares. */
    public byte[] nameBytes() {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SumsLine that && name.equals(that.name) && Arrays.equals(sha256, that.sha256);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return sha256Hex() + "  " + name;
    }

    private static void checkWellFormed(String name) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            encoder.encode(CharBuffer.wrap(name));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("file name is not valid Unicode (lone surrogate): " + name, e);
        }
    }
}
