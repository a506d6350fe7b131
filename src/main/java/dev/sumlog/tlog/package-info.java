/**
 * Transparency-log library for sumlog: RFC 6962 Merkle trees, C2SP signed notes and
 * checkpoints, C2SP tlog-tiles (an embedded static log plus a reader), C2SP tlog-proof
 * receipts, Sigstore formats ({@code sigstore}: trusted roots, Rekor entries, bundles) and RFC 3161
 * timestamps ({@code timestamp}).
 *
 * <p>JDK crypto, plus Jackson for Sigstore's JSON and Bouncy Castle for RFC 3161 tokens (the JDK has
 * no CMS). This package and its subpackages depend on nothing else in sumlog (and on no framework),
 * so they can be reused or audited on their own.
 *
 * <p>Every rejected input throws {@link dev.sumlog.tlog.TlogException} whose message names the
 * check that failed.
 */
package dev.sumlog.tlog;
