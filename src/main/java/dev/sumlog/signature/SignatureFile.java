package dev.sumlog.signature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;

/**
 * Reads the document signatures (type 0x00 binary, 0x01 canonical text) out of a detached-signature file,
 * {@code .asc} or {@code .sig}. A file may hold several, e.g. when two release managers each signed.
 */
final class SignatureFile {

    /** Far more than any real release has; bounds the digests one artifact's pass must feed. */
    static final int MAX_SIGNATURES = 32;

    /** The file is not a detached signature; the message says what it is instead, in one line. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(OneLine.of(message));
        }
    }

    private SignatureFile() {
    }

    static List<PGPSignature> documentSignatures(byte[] bytes) throws Malformed {
        List<Object> objects;
        try {
            objects = OpenPgpObjects.read(bytes);
        } catch (IOException e) {
            throw new Malformed(OneLine.of(e));
        }
        List<PGPSignature> signatures = new ArrayList<>();
        List<Integer> otherTypes = new ArrayList<>();
        String otherObject = null;
        for (Object object : objects) {
            if (object instanceof PGPSignatureList list) {
                for (PGPSignature signature : list) {
                    if (isDocumentSignature(signature)) {
                        signatures.add(signature);
                    } else {
                        otherTypes.add(signature.getSignatureType());
                    }
                }
            } else if (!(object instanceof PGPMarker) && otherObject == null) {
                otherObject = describe(object);
            }
        }
        if (!signatures.isEmpty()) {
            if (signatures.size() > MAX_SIGNATURES) {
                throw new Malformed(signatures.size() + " signatures, more than the " + MAX_SIGNATURES + " allowed");
            }
            return signatures;
        }
        if (otherObject != null) {
            throw new Malformed("holds " + otherObject);
        }
        if (!otherTypes.isEmpty()) {
            throw new Malformed("signature type 0x" + Integer.toHexString(otherTypes.get(0))
                    + " is not a document signature");
        }
        throw new Malformed("no signature packets");
    }

    private static boolean isDocumentSignature(PGPSignature signature) {
        int type = signature.getSignatureType();
        return type == PGPSignature.BINARY_DOCUMENT || type == PGPSignature.CANONICAL_TEXT_DOCUMENT;
    }

    private static String describe(Object object) {
        if (object instanceof PGPOnePassSignatureList || object instanceof PGPLiteralData) {
            return "a signed message, not a detached signature";
        }
        if (object instanceof PGPPublicKeyRing || object instanceof PGPSecretKeyRing) {
            return "a key, not a signature";
        }
        return Keyrings.describe(object);
    }
}
