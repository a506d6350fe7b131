package dev.sumlog.fakes;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM as Go's {@code encoding/pem} writes it, which is how Rekor v1 re-encodes the key of a
 * hashedrekord before storing it: {@code -----BEGIN T-----\n}, base64 in 64-character lines,
 * {@code -----END T-----\n}. A client that sends this form can predict the entry UUID.
 */
public final class Pem {

    /** One PEM block: its type (e.g. PUBLIC KEY, CERTIFICATE) and DER bytes. */
    public record Block(String type, byte[] der) {
    }

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return sb.append("-----END ").append(type).append("-----\n").toString();
    }

    /** Every block in {@code text}; throws if there is none or a block is not base64. */
    public static List<Block> decode(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PEM block " + m.group(1) + " is not base64", e);
            }
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no PEM block found");
        }
        return blocks;
    }

    /** The same blocks, re-encoded in the canonical form. */
    public static String canonical(String text) {
        StringBuilder sb = new StringBuilder();
        decode(text).forEach(b -> sb.append(encode(b.type(), b.der())));
        return sb.toString();
    }

    /** The public key of the first block: a PUBLIC KEY, or the subject key of a CERTIFICATE. */
    public static PublicKey publicKey(String text) {
        Block first = decode(text).get(0);
        try {
            return switch (first.type()) {
                case "PUBLIC KEY" -> KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(first.der()));
                case "CERTIFICATE" -> CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(first.der())).getPublicKey();
                default -> throw new IllegalArgumentException("unsupported PEM type " + first.type());
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("PEM " + first.type() + " is not an EC key or certificate", e);
        }
    }
}
