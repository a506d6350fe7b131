package dev.sumlog.signature;

import dev.sumlog.signature.TrustedKey.Revocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReason;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;

/**
 * Reads a key's validity from its self-signatures, each checked cryptographically first: a keyring is
 * trusted as a whole, but a stray certification that does not verify must not stretch a key's life.
 *
 * <p>Like gpg, the newest valid self-signature (user-ID certification or direct-key signature for a primary
 * key, binding signature for a subkey) decides expiry and key flags. What is not checked: the primary-key
 * binding signature a signing subkey should embed (the keyring is trusted, so a subkey in it is taken as
 * belonging to its primary key), designated revokers, and third-party certifications.
 */
final class KeyValidity {

    private KeyValidity() {
    }

    /** The primary key and every subkey of {@code ring}, primary first. */
    static List<TrustedKey> of(PGPPublicKeyRing ring) {
        PGPPublicKey primary = ring.getPublicKey();
        List<PGPSignature> selfSignatures = primarySelfSignatures(primary);
        Optional<PGPSignature> newest = newest(selfSignatures);
        Optional<Revocation> primaryRevocation = revocation(primary, primary, PGPSignature.KEY_REVOCATION);
        TrustedKey primaryKey = key(primary, primary, newest, primaryRevocation,
                newest.isEmpty() ? Optional.of("primary key has no valid self-signature") : Optional.empty());
        List<TrustedKey> keys = new ArrayList<>();
        keys.add(primaryKey);
        Iterator<PGPPublicKey> all = ring.getPublicKeys();
        while (all.hasNext()) {
            PGPPublicKey subkey = all.next();
            if (subkey.isMasterKey()) {
                continue;
            }
            List<PGPSignature> bindings = valid(subkey.getSignaturesOfType(PGPSignature.SUBKEY_BINDING),
                    primary, signature -> signature.verifyCertification(primary, subkey));
            Optional<PGPSignature> binding = newest(bindings);
            Optional<Revocation> revoked = primaryRevocation.or(
                    () -> revocation(primary, subkey, PGPSignature.SUBKEY_REVOCATION));
            Optional<String> unusable = newest.isEmpty() ? Optional.of("its primary key has no valid self-signature")
                    : binding.isEmpty() ? Optional.of("subkey has no valid binding signature") : Optional.empty();
            keys.add(capped(key(subkey, primary, binding, revoked, unusable), primaryKey.expires()));
        }
        return keys;
    }

    private static TrustedKey key(PGPPublicKey key, PGPPublicKey primary, Optional<PGPSignature> selfSignature,
            Optional<Revocation> revocation, Optional<String> unusable) {
        Instant created = key.getCreationTime().toInstant();
        Optional<PGPSignatureSubpacketVector> hashed = selfSignature.map(PGPSignature::getHashedSubPackets);
        Optional<Instant> expires = hashed.map(PGPSignatureSubpacketVector::getKeyExpirationTime)
                .filter(seconds -> seconds > 0)
                .map(created::plusSeconds);
        boolean flagsForbidSigning = hashed.filter(vector -> vector.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS))
                .map(vector -> (vector.getKeyFlags() & KeyFlags.SIGN_DATA) == 0)
                .orElse(false);
        Optional<String> why = unusable.or(() -> flagsForbidSigning
                ? Optional.of("key flags do not allow signing data") : Optional.empty());
        return new TrustedKey(key, TrustedKey.hex(key.getFingerprint()), TrustedKey.hex(primary.getFingerprint()),
                created, expires, revocation, why);
    }

    /** A subkey dies with its primary key. */
    private static TrustedKey capped(TrustedKey subkey, Optional<Instant> primaryExpires) {
        if (primaryExpires.isEmpty()
                || subkey.expires().filter(own -> own.isBefore(primaryExpires.get())).isPresent()) {
            return subkey;
        }
        return new TrustedKey(subkey.key(), subkey.fingerprint(), subkey.primaryFingerprint(), subkey.created(),
                primaryExpires, subkey.revocation(), subkey.unusable());
    }

    private static List<PGPSignature> primarySelfSignatures(PGPPublicKey primary) {
        List<PGPSignature> valid = new ArrayList<>();
        Iterator<byte[]> userIds = primary.getRawUserIDs();
        while (userIds.hasNext()) {
            byte[] userId = userIds.next();
            valid.addAll(valid(primary.getSignaturesForID(userId), primary,
                    signature -> PGPSignature.isCertification(signature.getSignatureType())
                            && signature.verifyCertification(userId, primary)));
        }
        valid.addAll(valid(primary.getSignaturesOfType(PGPSignature.DIRECT_KEY), primary,
                signature -> signature.verifyCertification(primary)));
        return valid;
    }

    private static Optional<Revocation> revocation(PGPPublicKey primary, PGPPublicKey revoked, int type) {
        List<PGPSignature> revocations = valid(revoked.getSignaturesOfType(type), primary,
                signature -> revoked == primary ? signature.verifyCertification(primary)
                        : signature.verifyCertification(primary, revoked));
        return revocations.stream()
                .min(Comparator.comparing(PGPSignature::getCreationTime))
                .map(signature -> new Revocation(signature.getCreationTime().toInstant(),
                        signature.isHardRevocation(), reason(signature)));
    }

    private static String reason(PGPSignature revocation) {
        RevocationReason reason = revocation.getHashedSubPackets() == null ? null
                : revocation.getHashedSubPackets().getRevocationReason();
        if (reason == null) {
            return "no reason given";
        }
        String text = reason.getRevocationDescription();
        return "reason " + reason.getRevocationReason() + (text == null || text.isBlank() ? "" : " \"" + OneLine.of(text) + "\"");
    }

    private static Optional<PGPSignature> newest(List<PGPSignature> signatures) {
        return signatures.stream().max(Comparator.comparing(PGPSignature::getCreationTime));
    }

    @FunctionalInterface
    private interface Check {
        boolean verifies(PGPSignature initialised) throws Exception;
    }

    /** The signatures made by {@code issuer} that verify; any that cannot be checked count as invalid. */
    private static List<PGPSignature> valid(Iterator<PGPSignature> signatures, PGPPublicKey issuer, Check check) {
        List<PGPSignature> valid = new ArrayList<>();
        while (signatures.hasNext()) {
            PGPSignature signature = signatures.next();
            if (signature.getKeyID() != issuer.getKeyID() && !signature.hasKeyIdentifier(issuer.getKeyIdentifier())) {
                continue;
            }
            try {
                Verifiers.init(signature, issuer);
                if (check.verifies(signature)) {
                    valid.add(signature);
                }
            } catch (Exception unverifiable) {
                // An unsupported algorithm or a damaged packet: the self-signature simply does not count.
            }
        }
        return valid;
    }
}
