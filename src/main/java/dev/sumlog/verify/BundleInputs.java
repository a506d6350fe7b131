package dev.sumlog.verify;

import dev.sumlog.signing.PublicKeys;
import dev.sumlog.signing.SigningKeyException;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.sigstore.TrustedRoot;
import dev.sumlog.tlog.sigstore.TimestampAuthority;
import dev.sumlog.tlog.timestamp.TrustedTsa;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a bundle verification ({@code verify FILE --bundle B}) needs, checked to be usable: the
 * files exist, the sums file is resolved, the signer key and the trust material parse. The bundle
 * itself is only read later: a bundle that does not parse is a failed check, not a usage error,
 * since a damaged or forged bundle is exactly what verify is there to catch.
 *
 * @param file the downloaded release file
 * @param sums the sums file that should list it, and that the bundle signs
 * @param bundle the sums file's Sigstore bundle
 * @param signer the release signer's public key ({@code --key})
 * @param trust the trusted root or the log key
 * @param offline true when the log must not be contacted
 */
public record BundleInputs(Path file, Path sums, Path bundle, PublicKey signer, BundleTrust trust, boolean offline) {

    /** Sigstore's public trusted root is about 10 KiB; anything near this cap is not one. */
    private static final int MAX_TRUSTED_ROOT_BYTES = 4 << 20;

    /**
     * @param trustedRoot {@code --trusted-root}; exactly one of it and {@code logKey} is present
     * @param logKey {@code --log-key}, a PEM public key
     * @param logUrl {@code --log-url}, only with {@code logKey}
     * @throws VerifyInputException naming the file, URL or option at fault
     */
    public static BundleInputs resolve(Path file, Optional<Path> sums, Path bundle, Path key, Optional<Path> trustedRoot,
                                       Optional<Path> logKey, Optional<String> logUrl, boolean offline)
            throws IOException {
        if (trustedRoot.isPresent() == logKey.isPresent()) {
            throw new VerifyInputException("--bundle needs exactly one of --trusted-root FILE and --log-key FILE");
        }
        if (logUrl.isPresent() && logKey.isEmpty()) {
            throw new VerifyInputException("--log-url goes with --log-key (a trusted root names its logs' URLs)");
        }
        VerifyInputs.requireReadableFile(file, "FILE");
        VerifyInputs.requireReadableFile(bundle, "--bundle");
        PublicKey signer = publicKey(key, "--key");
        BundleTrust trust = trustedRoot.isPresent() ? trustedRoot(trustedRoot.get())
                : BundleTrust.ofLogKey(publicKey(logKey.get(), "--log-key"), logUrl.map(BundleInputs::checkUrl));
        Path sumsFile = sums.isPresent() ? sums.get() : SumsFileLocator.locate(file);
        VerifyInputs.requireReadableFile(sumsFile, "--sums");
        return new BundleInputs(file, sumsFile, bundle, signer, trust, offline);
    }

    private static PublicKey publicKey(Path file, String option) {
        VerifyInputs.requireReadableFile(file, option);
        try {
            return PublicKeys.readPem(file);
        } catch (SigningKeyException e) {
            throw new VerifyInputException(option + ": " + e.getMessage());
        }
    }

    private static BundleTrust trustedRoot(Path file) throws IOException {
        VerifyInputs.requireReadableFile(file, "--trusted-root");
        String json = new String(InputFiles.readSmall(file, MAX_TRUSTED_ROOT_BYTES, "trusted root"),
                StandardCharsets.UTF_8);
        try {
            TrustedRoot root = TrustedRoot.parse(json, file.toString());
            List<TrustedTsa> tsas = TimestampAuthority.trusted(root);
            return BundleTrust.ofTrustedRoot(root, tsas);
        } catch (TlogException e) {
            throw new VerifyInputException("--trusted-root: " + e.getMessage());
        }
    }

    private static String checkUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        try {
            URI uri = new URI(text);
            if ((lower.startsWith("http://") || lower.startsWith("https://")) && uri.getHost() != null) {
                return text.replaceAll("/+$", "");
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new VerifyInputException("--log-url: " + text + " is not an http(s) URL with a host");
    }
}
