/**
 * C2SP tlog-proof receipts (c2sp.org/tlog-proof@v1): an offline-verifiable record that an
 * entry is in a log, made of an inclusion proof and the signed checkpoint it leads to.
 *
 * <p>Part of {@code dev.sumlog.tlog}, which depends on nothing else in sumlog.
 */
package dev.sumlog.tlog.receipt;
