/**
 * RFC 3161 signed timestamps for Sigstore bundles: {@link dev.sumlog.tlog.timestamp.TimestampClient}
 * asks a time-stamping authority (TSA) for a timestamp over a signature, and
 * {@link dev.sumlog.tlog.timestamp.TimestampVerifier} checks one against the TSA chains of a
 * Sigstore trusted root. Rekor v2 entries carry no signed time, so a v2 bundle needs one of these.
 *
 * <p>The stored form is the one the Sigstore bundle holds in
 * {@code timestampVerificationData.rfc3161Timestamps[].signedTimestamp}: the DER
 * <em>TimeStampResp</em> (status plus token), not the bare TimeStampToken. sigstore/protobuf-specs
 * {@code protos/sigstore_common.proto} (commit 00a7c100b861eaa6bc75d2b37965e80af7565351), message
 * {@code RFC3161SignedTimestamp}: "Signed timestamp is the DER encoded TimeStampResponse. See
 * https://www.rfc-editor.org/rfc/rfc3161.html#section-2.4.2". The real staging bundle in the shared
 * vectors agrees: its signedTimestamp starts with the PKIStatusInfo {@code granted}.
 */
package dev.sumlog.tlog.timestamp;
