package dev.sumlog.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * The OpenPGP objects in a file's bytes, armored or binary. Armored files may hold several armor blocks one
 * after another (what {@code cat a.asc b.asc} or several {@code gpg --export --armor} runs give); each block
 * is decoded on its own. Compressed packets are opened, since some tools wrap what they export.
 */
final class OpenPgpObjects {

    private static final byte[] ARMOR_START = "-----BEGIN PGP ".getBytes(StandardCharsets.US_ASCII);

    private OpenPgpObjects() {
    }

    /** Every object in order; an empty list when the bytes hold none. @throws IOException for bytes that are not OpenPGP */
    static List<Object> read(byte[] bytes) throws IOException {
        List<Object> objects = new ArrayList<>();
        if (bytes.length > 0 && (bytes[0] & 0x80) != 0) {
            readPackets(new ByteArrayInputStream(bytes), objects);
            return objects;
        }
        List<Integer> starts = armorStarts(bytes);
        if (starts.isEmpty()) {
            throw new IOException(bytes.length == 0 ? "empty file" : "neither binary OpenPGP nor ASCII armor");
        }
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            int to = i + 1 < starts.size() ? starts.get(i + 1) : bytes.length;
            requireNotClearsigned(bytes, from);
            try (ArmoredInputStream armor = ArmoredInputStream.builder()
                    .build(new ByteArrayInputStream(bytes, from, to - from))) {
                readPackets(armor, objects);
            }
        }
        return objects;
    }

    private static void readPackets(InputStream in, List<Object> into) throws IOException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
        Object object;
        while ((object = next(factory)) != null) {
            if (object instanceof PGPCompressedData compressed) {
                try {
                    readPackets(compressed.getDataStream(), into);
                } catch (PGPException e) {
                    throw new IOException("unreadable compressed packet: " + OneLine.of(e), e);
                }
            } else {
                into.add(object);
            }
        }
    }

    private static Object next(BcPGPObjectFactory factory) throws IOException {
        try {
            return factory.nextObject();
        } catch (RuntimeException e) {
            // Bouncy Castle signals some malformed packets with unchecked exceptions.
            throw new IOException("malformed OpenPGP packet: " + OneLine.of(e), e);
        }
    }

    private static List<Integer> armorStarts(byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + ARMOR_START.length <= bytes.length; i++) {
            if ((i == 0 || bytes[i - 1] == '\n') && matchesAt(bytes, i, ARMOR_START)) {
                starts.add(i);
            }
        }
        return starts;
    }

    private static void requireNotClearsigned(byte[] bytes, int from) throws IOException {
        byte[] clearsigned = "-----BEGIN PGP SIGNED MESSAGE-----".getBytes(StandardCharsets.US_ASCII);
        if (matchesAt(bytes, from, clearsigned)) {
            throw new IOException("a clearsigned message, not a detached signature");
        }
    }

    private static boolean matchesAt(byte[] bytes, int at, byte[] expected) {
        if (at + expected.length > bytes.length) {
            return false;
        }
        for (int j = 0; j < expected.length; j++) {
            if (bytes[at + j] != expected[j]) {
                return false;
            }
        }
        return true;
    }
}
