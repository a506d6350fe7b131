package dev.sumlog.signature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.bcpg.KeyIdentifier;

/**
 * The keys a job trusts to sign its artifacts, looked up by what a signature names as its issuer. Immutable
 * and safe to share between threads; build it once with {@link Keyrings#load}.
 */
public final class TrustedKeys {

    private final List<TrustedKey> keys;
    private final Map<Long, List<TrustedKey>> byKeyId = new HashMap<>();

    TrustedKeys(List<TrustedKey> keys) {
        this.keys = List.copyOf(keys);
        for (TrustedKey key : this.keys) {
            byKeyId.computeIfAbsent(key.key().getKeyID(), id -> new ArrayList<>()).add(key);
        }
    }

    /** No keys: every signature checks as {@link SignatureResult.Status#UNKNOWN_KEY}. */
    public static TrustedKeys none() {
        return new TrustedKeys(List.of());
    }

    /** How many keys, subkeys included. */
    public int size() {
        return keys.size();
    }

    /** The primary keys' fingerprints, upper-case hex, in keyring order without duplicates. */
    public List<String> primaryFingerprints() {
        Set<String> primaries = new LinkedHashSet<>();
        keys.forEach(key -> primaries.add(key.primaryFingerprint()));
        return List.copyOf(primaries);
    }

    /**
     * The keys that may have made a signature naming {@code issuers}. An issuer fingerprint must match in
     * full; a bare key ID may match several keys (IDs collide, fingerprints do not), and each is tried.
     */
    List<TrustedKey> candidates(List<KeyIdentifier> issuers) {
        Set<TrustedKey> found = new LinkedHashSet<>();
        for (KeyIdentifier issuer : issuers) {
            if (issuer.isWildcard()) {
                continue;
            }
            for (TrustedKey key : byKeyId.getOrDefault(issuer.getKeyId(), List.of())) {
                byte[] fingerprint = issuer.getFingerprint();
                if (fingerprint == null || Arrays.equals(fingerprint, key.key().getFingerprint())) {
                    found.add(key);
                }
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(found));
    }
}
