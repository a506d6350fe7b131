package dev.sumlog.tlog.timestamp;

import dev.sumlog.tlog.TlogException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code timestampAuthorities} of a Sigstore trusted root
 * ({@code dev.sigstore.trustroot.v1.TrustedRoot} in protobuf-JSON):
 * {@code [{"subject":{...},"uri":...,"certChain":{"certificates":[{"rawBytes":b64 DER},...]},
 * "validFor":{"start":RFC 3339,"end":RFC 3339?}}]}. A root without the field has no TSAs.
 */
public final class TrustedRootTsas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TrustedRootTsas() {
    }

    /**
     * @param json   the trusted_root.json text
     * @param source names the file or URL in error messages
     * @throws TlogException naming the source and the field that is missing or malformed
     */
    public static List<TrustedTsa> read(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new TlogException("trusted root " + source + ": not JSON (" + SignedTimestamps.oneLine(e.getOriginalMessage()) + ")", e);
        }
        JsonNode list = root.path("timestampAuthorities");
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new TlogException("trusted root " + source + ": timestampAuthorities is not an array");
        }
        List<TrustedTsa> tsas = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "trusted root " + source + ": timestampAuthorities[" + i + "]";
            tsas.add(readOne(list.get(i), field));
        }
        return List.copyOf(tsas);
    }

    private static TrustedTsa readOne(JsonNode tsa, String field) {
        JsonNode certificates = tsa.path("certChain").path("certificates");
        if (!certificates.isArray() || certificates.isEmpty()) {
            throw new TlogException(field + ".certChain.certificates: missing or empty");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (int j = 0; j < certificates.size(); j++) {
            chain.add(certificate(certificates.get(j).path("rawBytes"), field + ".certChain.certificates[" + j + "].rawBytes"));
        }
        Instant start = instant(tsa.path("validFor").path("start"), field + ".validFor.start")
                .orElseThrow(() -> new TlogException(field + ".validFor.start: missing"));
        Optional<Instant> end = instant(tsa.path("validFor").path("end"), field + ".validFor.end");
        try {
            return new TrustedTsa(chain, start, end);
        } catch (IllegalArgumentException e) {
            throw new TlogException(field + ".validFor: " + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(JsonNode rawBytes, String field) {
        if (!rawBytes.isString()) {
            throw new TlogException(field + ": missing or not a string");
        }
        try {
            byte[] der = Base64.getDecoder().decode(rawBytes.stringValue());
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw new TlogException(field + ": not a base64 DER X.509 certificate", e);
        }
    }

    private static Optional<Instant> instant(JsonNode value, String field) {
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.asString()));
        } catch (DateTimeParseException e) {
            throw new TlogException(field + ": not an RFC 3339 UTC time: " + SignedTimestamps.oneLine(value.asString()), e);
        }
    }
}
