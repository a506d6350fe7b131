/**
 * C2SP signed notes (c2sp.org/signed-note) and tlog checkpoints (c2sp.org/tlog-checkpoint):
 * parsing, formatting, signing with Ed25519, and verification with Ed25519 (type 0x01) and
 * the ECDSA key-hint scheme of Rekor v1 (type 0x02).
 *
 * <p>Part of {@code dev.sumlog.tlog}, which depends on nothing else in sumlog.
 */
package dev.sumlog.tlog.note;
