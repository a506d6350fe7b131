package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.TlogException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Sigstore bundle with a message signature (not a DSSE envelope): v0.1 to v0.3 are read, v0.3
 * ({@value #MEDIA_TYPE_V03}) is written. Parsing checks shape only; {@link BundleVerifier} checks
 * the contents.
 *
 * @param mediaType the bundle's media type
 * @param publicKeyHint {@code verificationMaterial.publicKey.hint} of a key-signed bundle
 * @param certificates signer certificate chain (DER, leaf first) of a certificate-signed bundle
 * @param tlogEntries the log entries, v1 ones mapped as in {@link ProtoEntries}
 * @param rfc3161Timestamps DER RFC 3161 timestamp tokens ({@code signedTimestamp}), not verified here
 * @param messageDigest SHA-256 of the artifact
 * @param signature the signature over the artifact
 */
public record SigstoreBundle(String mediaType, Optional<String> publicKeyHint, List<byte[]> certificates,
        List<TlogEntry> tlogEntries, List<byte[]> rfc3161Timestamps, byte[] messageDigest, byte[] signature) {

    public static final String MEDIA_TYPE_V03 = "application/vnd.dev.sigstore.bundle.v0.3+json";
    private static final Set<String> MEDIA_TYPES = Set.of(MEDIA_TYPE_V03,
            "application/vnd.dev.sigstore.bundle+json;version=0.1",
            "application/vnd.dev.sigstore.bundle+json;version=0.2",
            "application/vnd.dev.sigstore.bundle+json;version=0.3");
    private static final Base64.Encoder B64 = Base64.getEncoder();

    public SigstoreBundle {
        certificates = certificates.stream().map(byte[]::clone).toList();
        tlogEntries = List.copyOf(tlogEntries);
        rfc3161Timestamps = rfc3161Timestamps.stream().map(byte[]::clone).toList();
        messageDigest = messageDigest.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] messageDigest() {
        return messageDigest.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * A v0.3 bundle for a blob signed with a plain key: the hint is base64(SHA-256(SPKI DER)), as
     * cosign and sigstore-go write it.
     */
    public static SigstoreBundle forKey(PublicKey signerKey, byte[] sha256, byte[] signature, TlogEntry entry,
            List<byte[]> rfc3161Timestamps) {
        String hint = B64.encodeToString(PublicKeys.sha256(signerKey.getEncoded()));
        return new SigstoreBundle(MEDIA_TYPE_V03, Optional.of(hint), List.of(), List.of(entry), rfc3161Timestamps,
                sha256, signature);
    }

    /** The single log entry; bundles with none or several are refused. */
    public TlogEntry tlogEntry() {
        if (tlogEntries.size() != 1) {
            throw new TlogException("Sigstore bundle: expected one tlog entry, got " + tlogEntries.size());
        }
        return tlogEntries.get(0);
    }

    /** The signer's leaf certificate, if the bundle is certificate-signed. */
    public Optional<X509Certificate> certificate() {
        return certificates.stream().findFirst()
                .map(der -> TrustedRoot.certificate(der, "Sigstore bundle: verificationMaterial certificate"));
    }

    /** Parses a bundle; errors name the failed field. */
    public static SigstoreBundle parse(String json) {
        String where = "Sigstore bundle";
        JsonNode root = SigstoreJson.read(json, where);
        String mediaType = SigstoreJson.string(root, "mediaType", where);
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new TlogException(where + ": unsupported mediaType '" + mediaType + "'");
        }
        if (root.has("dsseEnvelope")) {
            throw new TlogException(where + ": DSSE envelope bundles are not supported, only messageSignature");
        }
        JsonNode material = SigstoreJson.object(root, "verificationMaterial", where);
        String vm = where + ": verificationMaterial";
        Optional<String> hint = SigstoreJson.optionalObject(material, "publicKey", vm)
                .flatMap(k -> SigstoreJson.optionalString(k, "hint", vm + ".publicKey"));
        List<byte[]> certificates = new ArrayList<>();
        SigstoreJson.optionalObject(material, "certificate", vm)
                .ifPresent(c -> certificates.add(SigstoreJson.base64(c, "rawBytes", vm + ".certificate")));
        SigstoreJson.optionalObject(material, "x509CertificateChain", vm).ifPresent(chain ->
                SigstoreJson.array(chain, "certificates", vm + ".x509CertificateChain").forEach(c ->
                        certificates.add(SigstoreJson.base64(c, "rawBytes", vm + ".x509CertificateChain"))));
        List<TlogEntry> entries = new ArrayList<>();
        List<JsonNode> entryNodes = SigstoreJson.array(material, "tlogEntries", vm);
        for (int i = 0; i < entryNodes.size(); i++) {
            entries.add(ProtoEntries.fromJson(entryNodes.get(i), vm + ".tlogEntries[" + i + "]"));
        }
        List<byte[]> timestamps = new ArrayList<>();
        SigstoreJson.optionalObject(material, "timestampVerificationData", vm).ifPresent(data ->
                SigstoreJson.array(data, "rfc3161Timestamps", vm + ".timestampVerificationData").forEach(t ->
                        timestamps.add(SigstoreJson.base64(t, "signedTimestamp", vm + ".rfc3161Timestamps"))));
        JsonNode message = SigstoreJson.object(root, "messageSignature", where);
        JsonNode digest = SigstoreJson.object(message, "messageDigest", where + ": messageSignature");
        String algorithm = SigstoreJson.string(digest, "algorithm", where + ": messageDigest");
        if (!algorithm.equals("SHA2_256")) {
            throw new TlogException(where + ": messageDigest algorithm '" + algorithm + "' is not SHA2_256");
        }
        return new SigstoreBundle(mediaType, hint, certificates, entries, timestamps,
                SigstoreJson.base64(digest, "digest", where + ": messageDigest"),
                SigstoreJson.base64(message, "signature", where + ": messageSignature"));
    }

    /** The bundle as protobuf-JSON, in the field order real bundles use. */
    public String toJson() {
        ObjectNode root = SigstoreJson.MAPPER.createObjectNode();
        root.put("mediaType", mediaType);
        ObjectNode material = root.putObject("verificationMaterial");
        publicKeyHint.ifPresent(h -> material.putObject("publicKey").put("hint", h));
        if (!certificates.isEmpty() && mediaType.equals(MEDIA_TYPE_V03)) {
            // v0.3 allows only the leaf certificate, under its own field.
            material.putObject("certificate").put("rawBytes", B64.encodeToString(certificates.get(0)));
        } else if (!certificates.isEmpty()) {
            ArrayNode chain = material.putObject("x509CertificateChain").putArray("certificates");
            certificates.forEach(c -> chain.addObject().put("rawBytes", B64.encodeToString(c)));
        }
        ArrayNode entries = material.putArray("tlogEntries");
        tlogEntries.forEach(e -> entries.add(ProtoEntries.toJson(e)));
        if (!rfc3161Timestamps.isEmpty()) {
            ArrayNode timestamps = material.putObject("timestampVerificationData").putArray("rfc3161Timestamps");
            rfc3161Timestamps.forEach(t -> timestamps.addObject().put("signedTimestamp", B64.encodeToString(t)));
        }
        ObjectNode message = root.putObject("messageSignature");
        ObjectNode digest = message.putObject("messageDigest");
        digest.put("algorithm", "SHA2_256");
        digest.put("digest", B64.encodeToString(messageDigest));
        message.put("signature", B64.encodeToString(signature));
        return SigstoreJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
