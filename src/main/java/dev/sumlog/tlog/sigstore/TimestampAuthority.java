package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.timestamp.TimestampVerifier;
import dev.sumlog.tlog.timestamp.TrustedTsa;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 3161 timestamp authority from a trusted root.
 *
 * @param uri where the TSA takes requests (as written in the trusted root; may be a bare name)
 * @param chain its certificate chain, leaf first
 * @param validFrom start of validity
 * @param validTo end of validity, if any
 */
public record TimestampAuthority(String uri, List<X509Certificate> chain, Instant validFrom, Optional<Instant> validTo) {

    public TimestampAuthority {
        chain = List.copyOf(chain);
    }

    /** What {@link TimestampVerifier} trusts: the chain and the validity window. */
    public TrustedTsa trusted() {
        return new TrustedTsa(chain, validFrom, validTo);
    }

    /** The trusted root's timestamp authorities, as {@link TimestampVerifier} takes them. */
    public static List<TrustedTsa> trusted(TrustedRoot root) {
        return root.timestampAuthorities().stream().map(TimestampAuthority::trusted).toList();
    }
}
