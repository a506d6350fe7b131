package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.note.EcdsaNoteVerifier;
import dev.sumlog.tlog.note.Ed25519NoteVerifier;
import dev.sumlog.tlog.note.NoteVerifier;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One transparency log a client trusts: where it is, its key, and the key's validity period.
 *
 * <p>{@code keyId} is the log ID the log's entries carry: SHA-256 of the SPKI DER for a Rekor v1
 * (ECDSA) log; the full 32-byte C2SP key ID SHA-256(name || 0x0A || 0x01 || key) for an Ed25519
 * Rekor v2 log, whose first four bytes are the checkpoint signature's key hint.
 *
 * @param baseUrl the log URL as configured, e.g. {@code https://rekor.sigstore.dev}
 * @param keyId the log ID (32 bytes)
 * @param key the log's public key
 * @param keyDetails the Sigstore key type, e.g. {@code PKIX_ECDSA_P256_SHA_256}
 * @param validFrom start of the key's validity
 * @param validTo end of the key's validity, if it has one
 */
public record LogKey(String baseUrl, byte[] keyId, PublicKey key, String keyDetails, Instant validFrom,
        Optional<Instant> validTo) {

    public LogKey {
        keyId = keyId.clone();
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    public String keyIdHex() {
        return HexFormat.of().formatHex(keyId);
    }

    /** The host name of {@link #baseUrl}: the checkpoint key name of v1 logs, the origin of v2 logs. */
    public String host() {
        return LogKeys.host(baseUrl);
    }

    public boolean isEd25519() {
        return PublicKeys.isEd25519(key);
    }

    /**
     * The verifier of this log's checkpoints: signed under its host name, with Ed25519 (C2SP, Rekor v2)
     * or ECDSA (key-hint notes, Rekor v1).
     */
    public NoteVerifier checkpointVerifier() {
        return isEd25519() ? new Ed25519NoteVerifier(host(), PublicKeys.rawEd25519(key))
                : EcdsaNoteVerifier.fromSpki(host(), key.getEncoded());
    }

    /** True iff {@code time} is in [validFrom, validTo]. */
    public boolean validAt(Instant time) {
        return !time.isBefore(validFrom) && validTo.map(end -> !time.isAfter(end)).orElse(true);
    }

    @Override
    public String toString() {
        return "LogKey[" + baseUrl + ", " + keyDetails + ", keyId " + keyIdHex() + "]";
    }
}
