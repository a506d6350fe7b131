package dev.sumlog.tlog.note;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** JDK glue for raw 32-byte Ed25519 keys, which the JCA only handles in encoded forms. */
final class Ed25519 {

    static final int KEY_SIZE = 32;

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519() {
    }

    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_SIZE);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, KEY_SIZE);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    static byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - KEY_SIZE, spki.length);
    }

    static byte[] seed(PrivateKey key) {
        return ((EdECPrivateKey) key).getBytes().orElseThrow(
                () -> new IllegalStateException("Ed25519 private key does not expose its seed"));
    }

    /**
     * The key pair for a 32-byte seed. The JDK has no public API that derives the public key
     * from a seed, but its generator draws exactly the seed from the SecureRandom it is given,
     * so a SecureRandom that returns the seed does the job; the result is checked.
     */
    static KeyPair keyPairFromSeed(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new FixedBytesRandom(seed));
        KeyPair pair = generator.generateKeyPair();
        if (!Arrays.equals(seed(pair.getPrivate()), seed)) {
            throw new IllegalStateException("JDK Ed25519 generator did not use the given seed");
        }
        return pair;
    }

    static KeyPair generate() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static byte[] sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(message);
        return signature.sign();
    }

    static boolean verify(PublicKey key, byte[] message, byte[] sig) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(message);
        try {
            return signature.verify(sig);
        } catch (SignatureException e) {
            return false; // wrong length or encoding: simply not a valid signature
        }
    }

    /** Hands out a fixed seed; only used to feed {@link #keyPairFromSeed}. */
    private static final class FixedBytesRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedBytesRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("expected a request for " + bytes.length + " bytes");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
