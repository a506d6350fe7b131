package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.TlogException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A Sigstore {@code trusted_root.json} (media type
 * {@code application/vnd.dev.sigstore.trustedroot+json;version=0.1}): the transparency logs and
 * timestamp authorities a verifier trusts. Logs with a key type this library cannot verify are
 * skipped, not fatal, so that a newer root with, say, ML-DSA logs still loads. Certificate
 * authorities and CT logs (for Fulcio certificates) are not read.
 */
public final class TrustedRoot {

    static final String MEDIA_TYPE_PREFIX = "application/vnd.dev.sigstore.trustedroot+json";

    private final List<LogKey> tlogs;
    private final List<TimestampAuthority> timestampAuthorities;

    private TrustedRoot(List<LogKey> tlogs, List<TimestampAuthority> timestampAuthorities) {
        this.tlogs = List.copyOf(tlogs);
        this.timestampAuthorities = List.copyOf(timestampAuthorities);
    }

    /** Reads a trusted root file; every error names the file. */
    public static TrustedRoot read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TlogException("trusted root " + file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(json, file.toString());
    }

    /** Parses a trusted root; {@code source} names it in error messages. */
    public static TrustedRoot parse(String json, String source) {
        String where = "trusted root " + source;
        JsonNode root = SigstoreJson.read(json, where);
        Optional<String> mediaType = SigstoreJson.optionalString(root, "mediaType", where);
        if (mediaType.isPresent() && !mediaType.get().startsWith(MEDIA_TYPE_PREFIX)) {
            throw new TlogException(where + ": unexpected mediaType '" + mediaType.get() + "'");
        }
        List<LogKey> logs = new ArrayList<>();
        List<JsonNode> tlogNodes = SigstoreJson.array(root, "tlogs", where);
        for (int i = 0; i < tlogNodes.size(); i++) {
            parseLog(tlogNodes.get(i), where + ": tlogs[" + i + "]").ifPresent(logs::add);
        }
        List<TimestampAuthority> tsas = new ArrayList<>();
        List<JsonNode> tsaNodes = SigstoreJson.array(root, "timestampAuthorities", where);
        for (int i = 0; i < tsaNodes.size(); i++) {
            tsas.add(parseTsa(tsaNodes.get(i), where + ": timestampAuthorities[" + i + "]"));
        }
        return new TrustedRoot(logs, tsas);
    }

    public List<LogKey> tlogs() {
        return tlogs;
    }

    public List<TimestampAuthority> timestampAuthorities() {
        return timestampAuthorities;
    }

    /** The log at this URL, compared after {@link LogKeys#normalize}. */
    public Optional<LogKey> logByUrl(String url) {
        String wanted = LogKeys.normalize(url);
        return tlogs.stream().filter(log -> LogKeys.normalize(log.baseUrl()).equals(wanted)).findFirst();
    }

    /** The log whose log ID is {@code keyId} (32 bytes). */
    public Optional<LogKey> logByKeyId(byte[] keyId) {
        return tlogs.stream().filter(log -> MessageDigest.isEqual(log.keyId(), keyId)).findFirst();
    }

    private static Optional<LogKey> parseLog(JsonNode node, String where) {
        String baseUrl = SigstoreJson.string(node, "baseUrl", where);
        JsonNode publicKey = SigstoreJson.object(node, "publicKey", where);
        String keyDetails = SigstoreJson.string(publicKey, "keyDetails", where + ".publicKey");
        Optional<String> algorithm = PublicKeys.algorithmFor(keyDetails);
        Optional<byte[]> rawBytes = SigstoreJson.optionalBase64(publicKey, "rawBytes", where + ".publicKey");
        if (algorithm.isEmpty() || rawBytes.isEmpty()) {
            return Optional.empty(); // a key type we cannot verify: the log is simply not usable here
        }
        PublicKey key;
        try {
            key = PublicKeys.fromSpki(rawBytes.get(), algorithm.get());
        } catch (GeneralSecurityException e) {
            throw new TlogException(where + ".publicKey: rawBytes is not a " + keyDetails + " key", e);
        }
        byte[] keyId = SigstoreJson.base64(SigstoreJson.object(node, "logId", where), "keyId", where + ".logId");
        JsonNode validFor = SigstoreJson.object(publicKey, "validFor", where + ".publicKey");
        return Optional.of(new LogKey(baseUrl, keyId, key, keyDetails,
                instant(validFor, "start", where).orElseThrow(() -> new TlogException(where + ": missing validFor.start")),
                instant(validFor, "end", where)));
    }

    private static TimestampAuthority parseTsa(JsonNode node, String where) {
        String uri = SigstoreJson.optionalString(node, "uri", where).orElse("");
        List<X509Certificate> chain = new ArrayList<>();
        JsonNode certChain = SigstoreJson.object(node, "certChain", where);
        for (JsonNode cert : SigstoreJson.array(certChain, "certificates", where + ".certChain")) {
            chain.add(certificate(SigstoreJson.base64(cert, "rawBytes", where + ".certChain"), where));
        }
        JsonNode validFor = SigstoreJson.object(node, "validFor", where);
        return new TimestampAuthority(uri, chain,
                instant(validFor, "start", where).orElseThrow(() -> new TlogException(where + ": missing validFor.start")),
                instant(validFor, "end", where));
    }

    static X509Certificate certificate(byte[] der, String where) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new TlogException(where + ": not a DER X.509 certificate", e);
        }
    }

    private static Optional<Instant> instant(JsonNode validFor, String field, String where) {
        try {
            return SigstoreJson.optionalString(validFor, field, where + ".validFor").map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new TlogException(where + ".validFor." + field + " is not an RFC 3339 time", e);
        }
    }
}
