/**
 * Transparency-log library for sumlog: RFC 6962 Merkle trees, C2SP signed notes and
 * checkpoints, C2SP tlog-tiles (an embedded static log plus a reader) and C2SP tlog-proof
 * receipts.
 *
 * <p>Pure Java on JDK crypto only. This package and its subpackages depend on nothing else in
 * sumlog (and on no framework), so they can be reused or audited on their own.
 *
 * <p>Every rejected input throws {@link dev.sumlog.tlog.TlogException} whose message names the
 * check that failed.
 */
package dev.sumlog.tlog;
