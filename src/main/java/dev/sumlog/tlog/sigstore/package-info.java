/**
 * Sigstore formats and their offline verification: trusted roots, Rekor v1 (hashedrekord
 * 0.0.1) and Rekor v2 (hashedrekord 0.0.2) requests, responses and proofs, and Sigstore
 * bundles (v0.1 to v0.3 read, v0.3 written).
 *
 * <p>Nothing here talks to the network: these classes build what a client sends and check
 * what a log answered, using the Merkle and signed-note primitives of {@code dev.sumlog.tlog}.
 * Part of {@code dev.sumlog.tlog}, which depends on nothing else in sumlog.
 */
package dev.sumlog.tlog.sigstore;
