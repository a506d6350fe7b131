package dev.sumlog.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyring files a user can get wrong; each error is one line that names the file. Needs no gpg. */
class KeyringsTest {

    @TempDir
    Path dir;

    @Test
    void missingFile() {
        Path missing = dir.resolve("openstack-2025.2.asc");

        assertThatThrownBy(() -> Keyrings.load(List.of(missing)))
                .isInstanceOf(KeyringException.class)
                .hasMessage("keyring " + missing + ": no such file");
    }

    @Test
    void directory() {
        assertThatThrownBy(() -> Keyrings.load(List.of(dir)))
                .isInstanceOf(KeyringException.class)
                .hasMessage("keyring " + dir + ": is a directory, not a keyring file");
    }

    @Test
    void emptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.gpg"));

        assertThatThrownBy(() -> Keyrings.load(List.of(empty)))
                .isInstanceOf(KeyringException.class)
                .hasMessage("keyring " + empty + ": not an OpenPGP keyring (empty file)");
    }

    @Test
    void textThatIsNotArmor() throws Exception {
        Path text = Files.writeString(dir.resolve("keys.asc"), "<html><body>Not Found</body></html>\n");

        assertThatThrownBy(() -> Keyrings.load(List.of(text)))
                .isInstanceOf(KeyringException.class)
                .hasMessage("keyring " + text + ": not an OpenPGP keyring (neither binary OpenPGP nor ASCII armor)");
    }

    @Test
    void brokenArmorAndRandomBinary() throws Exception {
        Path armor = Files.writeString(dir.resolve("broken.asc"),
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF!!!not base64\n-----END PGP PUBLIC KEY BLOCK-----\n");
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        noise[0] = (byte) 0x99;
        Path binary = Files.write(dir.resolve("noise.gpg"), noise);

        for (Path file : List.of(armor, binary)) {
            assertThatThrownBy(() -> Keyrings.load(List.of(file)))
                    .isInstanceOf(KeyringException.class)
                    .hasMessageStartingWith("keyring " + file + ": ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void noFilesIsNoKeys() {
        TrustedKeys keys = Keyrings.load(List.of());

        assertThat(keys.size()).isZero();
        assertThat(DetachedSignatures.verify(keys, new byte[] {1}, new byte[0]).status())
                .isEqualTo(SignatureResult.Status.MALFORMED);
    }
}
