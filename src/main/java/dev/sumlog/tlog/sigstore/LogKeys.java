package dev.sumlog.tlog.sigstore;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds a {@link LogKey} from just a log URL and its PEM public key, for users who trust one
 * log directly instead of a Sigstore trusted root; and the URL rules both paths share.
 */
public final class LogKeys {

    private LogKeys() {
    }

    /**
     * A log key from the log's PEM {@code PUBLIC KEY} (e.g. Rekor's /api/v1/log/publicKey).
     * ECDSA and RSA keys get the Rekor v1 log ID SHA-256(SPKI); Ed25519 keys get the C2SP key ID
     * of a Rekor v2 log, whose key name is the URL's host name.
     *
     * @throws IllegalArgumentException if the PEM holds no supported public key
     */
    public static LogKey fromPem(String url, String pem) {
        return fromSpki(url, PublicKeys.pemBlock(pem, "PUBLIC KEY"));
    }

    /** As {@link #fromPem}, from the DER SubjectPublicKeyInfo. */
    public static LogKey fromSpki(String url, byte[] spki) {
        PublicKey key = PublicKeys.fromSpki(spki);
        if (PublicKeys.isEd25519(key)) {
            byte[] keyId = c2spEd25519KeyId(host(url), PublicKeys.rawEd25519(key));
            return new LogKey(url, keyId, key, PublicKeys.ED25519, Instant.EPOCH, Optional.empty());
        }
        return new LogKey(url, PublicKeys.sha256(spki), key, PublicKeys.keyDetailsOf(key), Instant.EPOCH, Optional.empty());
    }

    /**
     * The full C2SP key ID of an Ed25519 note key: SHA-256(name || 0x0A || 0x01 || key). Its first
     * four bytes are the key hint in signature lines; Rekor v2 uses all 32 as the log ID.
     */
    public static byte[] c2spEd25519KeyId(String name, byte[] rawKey) {
        return PublicKeys.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', 0x01}, rawKey);
    }

    /** The host name of a log URL; a URL without a scheme is read as https. */
    public static String host(String url) {
        String host = parse(url).getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("log URL has no host: " + url);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /**
     * The form two log URLs are compared in: lower-case scheme and host, the port only if it is
     * not the scheme's default, and the path without trailing slashes.
     */
    public static String normalize(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return scheme + "://" + host(url) + (defaultPort ? "" : ":" + port) + path;
    }

    private static URI parse(String url) {
        String trimmed = url.trim();
        String withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed;
        try {
            return URI.create(withScheme);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid log URL: " + url, e);
        }
    }
}
