package dev.sumlog.cli;

import dev.sumlog.signing.KeyPairFiles;
import dev.sumlog.signing.SigningKey;
import dev.sumlog.signing.SigningKeyException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sumlog keygen}: a new ECDSA P-256 key pair for signing log entries. No Spring context and no
 * state lock: it touches only the two files it creates, and never replaces one.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Make an ECDSA P-256 key pair for signing log entries (Rekor, cosign compatible):",
                "DIR/release.key (PKCS#8 PEM, mode 0600) and DIR/release.pub (SPKI PEM).",
                "Never replaces an existing key. The private key is never printed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:release.key or release.pub already exists, or DIR cannot be written (nothing written)"})
class KeygenCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Directory for release.key and release.pub (created if needed).")
    Path out;

    @Override
    public Integer call() {
        SigningKey key;
        try {
            key = KeyPairFiles.create(out);
        } catch (SigningKeyException e) {
            throw new UsageException(e.getMessage());
        }
        System.out.println("private key " + out.resolve(KeyPairFiles.PRIVATE_KEY_FILE) + " (mode 0600; keep it secret)");
        System.out.println("public key " + out.resolve(KeyPairFiles.PUBLIC_KEY_FILE));
        System.out.println("hint " + key.hint());
        return ExitCodes.OK;
    }
}
