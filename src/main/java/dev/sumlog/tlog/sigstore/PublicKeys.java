package dev.sumlog.tlog.sigstore;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** JDK glue for the public keys Sigstore documents carry as DER SubjectPublicKeyInfo. */
final class PublicKeys {

    static final String ECDSA_P256 = "PKIX_ECDSA_P256_SHA_256";
    static final String ED25519 = "PKIX_ED25519";

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private PublicKeys() {
    }

    /**
     * The JCA algorithm for a Sigstore {@code keyDetails} value, or empty for a type this
     * library does not verify (the caller skips such keys rather than failing).
     */
    static Optional<String> algorithmFor(String keyDetails) {
        if (keyDetails.startsWith("PKIX_ECDSA_P")) {
            return Optional.of("EC");
        }
        if (keyDetails.equals(ED25519)) {
            return Optional.of("Ed25519");
        }
        if (keyDetails.startsWith("PKIX_RSA_PKCS1V15_") || keyDetails.startsWith("PKIX_RSA_PSS_")) {
            return Optional.of("RSA");
        }
        return Optional.empty();
    }

    static PublicKey fromSpki(byte[] spki, String algorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
    }

    /** Decodes a DER SPKI of unknown type: EC, Ed25519 or RSA. */
    static PublicKey fromSpki(byte[] spki) {
        for (String algorithm : new String[] {"EC", "Ed25519", "RSA"}) {
            try {
                return fromSpki(spki, algorithm);
            } catch (GeneralSecurityException e) {
                // try the next type
            }
        }
        throw new IllegalArgumentException("not an EC, Ed25519 or RSA public key (SPKI DER)");
    }

    /** The DER bytes of the first {@code -----BEGIN <label>-----} block of a PEM text. */
    static byte[] pemBlock(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no PEM " + label + " block");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII));
    }

    /** The Sigstore {@code keyDetails} name of a key's type and size. */
    static String keyDetailsOf(PublicKey key) {
        if (isEd25519(key)) {
            return ED25519;
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return switch (bits) {
                case 256 -> ECDSA_P256;
                case 384 -> "PKIX_ECDSA_P384_SHA_384";
                case 521 -> "PKIX_ECDSA_P521_SHA_512";
                default -> throw new IllegalArgumentException("unsupported EC curve of " + bits + " bits");
            };
        }
        if (key instanceof RSAPublicKey rsa) {
            return "PKIX_RSA_PKCS1V15_" + rsa.getModulus().bitLength() + "_SHA256";
        }
        throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
    }

    static boolean isEd25519(PublicKey key) {
        return key.getAlgorithm().equals("Ed25519") || key.getAlgorithm().equals("EdDSA");
    }

    static boolean isEc(PublicKey key) {
        return key.getAlgorithm().equals("EC");
    }

    /** The raw 32-byte Ed25519 key inside an Ed25519 SPKI. */
    static byte[] rawEd25519(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (!isEd25519(key) || spki.length != ED25519_SPKI_PREFIX.length + 32
                || !Arrays.equals(spki, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0, ED25519_SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }
}
