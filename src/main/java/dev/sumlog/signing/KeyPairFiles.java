package dev.sumlog.signing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Makes a new signing key pair on disk: {@code release.key} (PKCS#8 PEM, owner-only) and
 * {@code release.pub} (SPKI PEM, canonical form).
 * <p>
 * Invariants: an existing key file is never replaced, not even by a concurrent keygen (the final
 * names are made with a hard link, which fails when the name exists); the private key is owner-only
 * from the instant its file exists (created with mode 0600, not chmod-ed later); each file appears
 * whole or not at all; and a failure after the first file is written removes it, so either both
 * files are new or nothing changed.
 */
public final class KeyPairFiles {

    public static final String PRIVATE_KEY_FILE = "release.key";
    public static final String PUBLIC_KEY_FILE = "release.pub";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private KeyPairFiles() {
    }

    /**
     * Creates {@code dir} if needed and writes a fresh key pair into it.
     *
     * @throws SigningKeyException one line naming the file, when a key file already exists (nothing
     *         is written) or the directory cannot be written
     */
    public static SigningKey create(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new SigningKeyException("keygen: " + dir + " is not a directory");
        }
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        for (Path file : new Path[] {privateFile, publicFile}) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw refusal(file);
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SigningKeyException("keygen: cannot create the directory " + dir + ": " + reason(e));
        }
        ECPrivateKey generated = generate();
        SigningKey key = new SigningKey(generated.getS());
        try {
            writeNew(privateFile, pkcs8Pem(generated), OWNER_ONLY);
            try {
                writeNew(publicFile, key.publicKeyPem().getBytes(StandardCharsets.US_ASCII), WORLD_READABLE);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(privateFile); // ours: written a moment ago, and useless without its pair
                throw e;
            }
        } catch (FileAlreadyExistsException e) {
            // Another keygen won the race for the name after the check above.
            throw refusal(Path.of(e.getFile()));
        } catch (IOException e) {
            throw new SigningKeyException("keygen: cannot write in " + dir + ": " + reason(e));
        }
        return key;
    }

    private static String reason(IOException e) {
        return e.getClass().getSimpleName() + (e instanceof FileSystemException f && f.getReason() != null ? " (" + f.getReason() + ")" : "");
    }

    private static SigningKeyException refusal(Path file) {
        return new SigningKeyException(file + " already exists; keygen never replaces a key (move it away first)");
    }

    private static ECPrivateKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return (ECPrivateKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always supports EC keys on secp256r1", e);
        }
    }

    /** PKCS#8 with the public point inside (the JDK's own encoding leaves it out), as openssl writes it. */
    private static byte[] pkcs8Pem(ECPrivateKey key) {
        StringWriter text = new StringWriter();
        try (PemWriter pem = new PemWriter(text)) {
            pem.writeObject(new PemObject("PRIVATE KEY", P256.pkcs8(key.getS()).getEncoded("DER")));
        } catch (IOException e) {
            throw new UncheckedIOException("PEM encoding in memory cannot fail", e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes a temp file (owner-only at creation), syncs it, sets its final mode, then links it to its
     * final name: the link fails if the name exists, so nothing is ever overwritten.
     */
    private static void writeNew(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean posix = Files.getFileStore(target.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        try {
            try (FileChannel channel = FileChannel.open(temp,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true); // a key reported as made must survive a crash
            }
            if (posix) {
                Files.setPosixFilePermissions(temp, mode); // exact mode, whatever the umask took away
            }
            link(target, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void link(Path target, Path temp) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException exists) {
                throw exists;
            }
            // A file system without hard links: a rename that still refuses an existing target.
            Files.move(temp, target);
        }
    }
}
