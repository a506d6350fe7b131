package dev.sumlog.tlog.timestamp;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One time-stamping authority a verifier trusts, as a Sigstore trusted root lists it under
 * {@code timestampAuthorities}.
 *
 * <p>Invariants: {@code chain} is non-empty and ordered leaf first, root last (the order of the
 * trusted root's {@code certChain}); the leaf signs the tokens and the last certificate is the
 * trust anchor. The window is half-open, {@code [validFrom, validTo)}, as protobuf-specs defines
 * {@code TimeRange}; an empty {@code validTo} means the TSA is still current.
 *
 * @param chain     the TSA's certificates, leaf first
 * @param validFrom first instant at which tokens from this TSA are accepted
 * @param validTo   first instant at which they are no longer accepted, if the TSA was retired
 */
public record TrustedTsa(List<X509Certificate> chain, Instant validFrom, Optional<Instant> validTo) {

    public TrustedTsa {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("TSA chain is empty");
        }
        if (validTo.isPresent() && !validTo.get().isAfter(validFrom)) {
            throw new IllegalArgumentException("TSA validFor end " + validTo.get() + " is not after its start " + validFrom);
        }
    }

    /** The certificate whose key signs this TSA's tokens. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** Whether {@code time} lies in {@code [validFrom, validTo)}. */
    public boolean validAt(Instant time) {
        return !time.isBefore(validFrom) && validTo.map(time::isBefore).orElse(true);
    }
}
