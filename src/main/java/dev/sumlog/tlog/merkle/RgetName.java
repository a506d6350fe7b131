package dev.sumlog.tlog.merkle;

import dev.sumlog.tlog.TlogException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The rget name of a release: the RFC 6962 tree hash over the release's SHA-256 digests (each
 * raw 32-byte digest is one leaf, in SHA256SUMS file order), printed as
 * {@code hex(root[0:16]) + "." + hex(root[16:32])} so that it fits in DNS labels.
 */
public final class RgetName {

    private static final HexFormat HEX = HexFormat.of();

    private RgetName() {
    }

    /** Name for the given 32-byte digests, in file order. */
    public static String of(List<byte[]> digestsInFileOrder) {
        for (byte[] digest : digestsInFileOrder) {
            if (digest.length != Rfc6962.HASH_SIZE) {
                throw new TlogException("rget name: digest is " + digest.length + " bytes, want 32");
            }
        }
        byte[] root = Rfc6962.merkleTreeHash(digestsInFileOrder);
        return HEX.formatHex(root, 0, 16) + "." + HEX.formatHex(root, 16, 32);
    }

    /** Name for a SHA256SUMS file, see {@link #digestsOf}. */
    public static String ofSha256Sums(byte[] sha256sums) {
        return of(digestsOf(sha256sums));
    }

    /**
     * Digests of a SHA256SUMS file in file order. Lines are {@code <64 hex> <space><space or *><name>}
     * as written by sha256sum (text or binary mode); blank lines and a trailing CR are tolerated.
     */
    public static List<byte[]> digestsOf(byte[] sha256sums) {
        String[] lines = new String(sha256sums, StandardCharsets.UTF_8).split("\n", -1);
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 67 || line.charAt(64) != ' ' || (line.charAt(65) != ' ' && line.charAt(65) != '*')) {
                throw new TlogException("SHA256SUMS: line " + (i + 1) + ": want <64 hex digits> <space or *><file name>");
            }
            try {
                digests.add(HEX.parseHex(line, 0, 64));
            } catch (IllegalArgumentException e) {
                throw new TlogException("SHA256SUMS: line " + (i + 1) + ": digest is not hex", e);
            }
        }
        if (digests.isEmpty()) {
            throw new TlogException("SHA256SUMS: no digests");
        }
        return digests;
    }
}
