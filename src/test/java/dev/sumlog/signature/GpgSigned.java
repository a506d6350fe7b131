package dev.sumlog.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A world of throw-away keys and gpg-made detached signatures, built once per test class: the keys a job
 * trusts (exported to keyrings), a stranger's key (not exported), and signatures for each case a release
 * archive can present.
 */
final class GpgSigned {

    /** Before any key here was created; gpg's clock is faked to it to make keys and signatures in the past. */
    static final String PAST = "20200101T000000";

    final Gpg signer;
    final Gpg verifier;
    final Path dir;
    final Path artifact;
    final byte[] artifactBytes;

    final String rsa;
    final String ed;
    /** rsa2048 made in 2020 without expiry, then given one (a day and an hour) after two signatures existed. */
    final String old;
    /** A certify-only ed25519 primary key with an ed25519 signing subkey. */
    final String withSubkey;
    final String subkey;
    final String revoked;
    /** Made in 2020 with a signing subkey that never expires; the primary key was then given a day and an hour. */
    final String expiredPrimary;
    final String stranger;

    GpgSigned(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        signer = Gpg.home(dir.resolve("signer"));
        verifier = Gpg.home(dir.resolve("verifier"));
        artifactBytes = new byte[300_000 + 17];
        new Random(9).nextBytes(artifactBytes);
        artifact = Files.write(dir.resolve("nova-31.0.0.tar.gz"), artifactBytes);

        rsa = signer.generate("Test RSA <rsa@example.org>", "rsa2048", "sign", "1d");
        ed = signer.generate("Test Ed25519 <ed@example.org>", "ed25519", "sign", "0");
        old = signer.generate("Old RSA <old@example.org>", "rsa2048", "sign", "0", "--faked-system-time", PAST);
        withSubkey = signer.generate("With Subkey <sub@example.org>", "ed25519", "cert", "0");
        signer.ok("--quick-add-key", withSubkey, "ed25519", "sign", "0");
        subkey = subkeyOf(withSubkey);
        revoked = signer.generate("Revoked <revoked@example.org>", "ed25519", "sign", "0");
        expiredPrimary = signer.generate("Expired Primary <expired-primary@example.org>", "ed25519", "cert", "0",
                "--faked-system-time", PAST);
        signer.ok("--faked-system-time", PAST, "--quick-add-key", expiredPrimary, "ed25519", "sign", "0");
        stranger = signer.generate("Stranger <stranger@example.org>", "ed25519", "sign", "0");

        sign(rsa, "rsa.asc", true);
        sign(ed, "ed.sig", false);
        sign(withSubkey, "subkey.asc", true);
        sign(stranger, "stranger.asc", true);
        sign(revoked, "revoked.asc", true);
        sign(old, "old-inside.asc", true, "--faked-system-time", "20200101T120000");
        sign(old, "old-after-expiry.asc", true, "--faked-system-time", "20200105T000000");
        sign(ed, "before-creation.asc", true, "--faked-system-time", PAST, "--ignore-time-conflict");
        sign(expiredPrimary, "subkey-after-primary-expiry.asc", true, "--faked-system-time", "20200105T000000");
        signer.ok("--faked-system-time", "20200101T010000", "--quick-set-expire", old, "1d");
        signer.ok("--faked-system-time", "20200101T010000", "--quick-set-expire", expiredPrimary, "1d");
        signer.ok("--armor", "--detach-sign", "-u", stranger, "-u", rsa, "-o", path("two.asc"), artifact.toString());
        Files.writeString(dir.resolve("notes-lf.txt"), "Release notes  \nline two\nlast line", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes-crlf.txt"), "Release notes  \r\nline two\r\nlast line",
                StandardCharsets.UTF_8);
        signer.ok("--textmode", "--detach-sign", "-u", ed, "-o", path("notes.sig"), path("notes-lf.txt"));
        revoke(revoked);

        String[] trusted = {rsa, ed, old, withSubkey, revoked, expiredPrimary};
        signer.ok(concat(new String[] {"--armor", "--export", "-o", path("trusted.asc")}, trusted));
        signer.ok(concat(new String[] {"--export", "-o", path("trusted.gpg")}, trusted));
        signer.ok(concat(new String[] {"--export-secret-keys", "-o", path("secret.gpg")}, trusted));
        verifier.ok("--import", path("trusted.gpg"));
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(file(name));
    }

    /** {@code gpg --verify} in a home that holds only the trusted keys. */
    Gpg.Result gpgVerify(String signature, Path artifactFile) throws IOException, InterruptedException {
        return verifier.run("--verify", path(signature), artifactFile.toString());
    }

    void close() throws IOException, InterruptedException {
        signer.stopAgent();
        verifier.stopAgent();
    }

    private void sign(String key, String output, boolean armor, String... options)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("-u", key, "--detach-sign", "-o", path(output)));
        if (armor) {
            args.add("--armor");
        }
        args.add(artifact.toString());
        signer.ok(args.toArray(String[]::new));
    }

    /** Imports the revocation certificate gpg wrote at key generation (its armor line is defused with ':'). */
    private void revoke(String key) throws IOException, InterruptedException {
        Path certificate = signer.home().resolve("openpgp-revocs.d").resolve(key + ".rev");
        String armed = Files.readString(certificate).replace(":-----BEGIN PGP PUBLIC KEY BLOCK", "-----BEGIN PGP PUBLIC KEY BLOCK");
        Path revocation = Files.writeString(dir.resolve("revocation.asc"), armed);
        signer.ok("--import", revocation.toString());
    }

    private String subkeyOf(String primary) throws IOException, InterruptedException {
        List<String> fingerprints = signer.ok("--with-colons", "--list-keys", primary).output().lines()
                .filter(line -> line.startsWith("fpr:")).map(line -> line.split(":")[9]).toList();
        return fingerprints.get(1);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private static String[] concat(String[] first, String[] second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }
}
