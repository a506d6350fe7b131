package dev.sumlog.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * Loads trusted keys from keyring files: what {@code gpg --export} writes, armored or not, several keys per
 * file, and secret keyrings too (only their public parts are kept). gpg's own {@code pubring.kbx} keybox is
 * a different format and is refused; export from it instead.
 */
public final class Keyrings {

    /** Keyrings are a few KiB; anything far larger is a wrong path, not a keyring. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private Keyrings() {
    }

    /** @throws KeyringException with a one-line message naming the file that cannot be used */
    public static TrustedKeys load(List<Path> files) {
        List<TrustedKey> keys = new ArrayList<>();
        for (Path file : files) {
            keys.addAll(read(file));
        }
        return new TrustedKeys(keys);
    }

    private static List<TrustedKey> read(Path file) {
        byte[] bytes = bytes(file);
        if (isKeybox(bytes)) {
            throw KeyringException.about(file, "is a gpg keybox (pubring.kbx); export the keys with gpg --export");
        }
        List<Object> objects;
        try {
            objects = OpenPgpObjects.read(bytes);
        } catch (IOException e) {
            throw KeyringException.about(file, "not an OpenPGP keyring (" + OneLine.of(e) + ")", e);
        }
        List<TrustedKey> keys = new ArrayList<>();
        for (Object object : objects) {
            if (object instanceof PGPPublicKeyRing ring) {
                keys.addAll(KeyValidity.of(ring));
            } else if (object instanceof PGPSecretKeyRing secret) {
                keys.addAll(KeyValidity.of(secret.toCertificate()));
            } else {
                throw KeyringException.about(file, "holds " + describe(object) + ", not keys");
            }
        }
        if (keys.isEmpty()) {
            throw KeyringException.about(file, "holds no keys");
        }
        return keys;
    }

    private static byte[] bytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw KeyringException.about(file, "is a directory, not a keyring file");
            }
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                throw KeyringException.about(file, "larger than " + MAX_BYTES / (1024 * 1024) + " MiB, not a keyring");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw KeyringException.about(file, "no such file", e);
        } catch (IOException e) {
            throw KeyringException.about(file, "cannot read (" + OneLine.of(e) + ")", e);
        }
    }

    /** gpg 2.1+ keeps its keys in a keybox: a first blob whose bytes 8..11 spell "KBXf". */
    private static boolean isKeybox(byte[] bytes) {
        return bytes.length >= 12 && bytes[8] == 'K' && bytes[9] == 'B' && bytes[10] == 'X' && bytes[11] == 'f';
    }

    static String describe(Object object) {
        return "an OpenPGP " + object.getClass().getSimpleName().replaceFirst("^PGP", "") + " object";
    }
}
