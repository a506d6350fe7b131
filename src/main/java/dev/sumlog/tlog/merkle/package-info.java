/**
 * RFC 6962 / RFC 9162 Merkle trees over SHA-256: leaf and node hashing, tree hashes,
 * inclusion and consistency proof verification and generation, and the rget name of a
 * SHA256SUMS file.
 *
 * <p>Part of {@code dev.sumlog.tlog}, which depends on nothing else in sumlog.
 */
package dev.sumlog.tlog.merkle;
