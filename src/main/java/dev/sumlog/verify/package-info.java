/**
 * {@code sumlog verify}: what a downstream user runs on one downloaded release file, with the
 * release's sums file and its tlog-proof receipt.
 *
 * <p>Trust model: only the log's verifier key is trusted. The file, the sums file, the receipt
 * and the log's tiles may all come from an attacker; each check says which link of the chain
 * file &rarr; sums file &rarr; logged entry &rarr; signed checkpoint &rarr; the log's current
 * checkpoint holds. Plain Java: no Spring context, no database, no state directory.
 */
package dev.sumlog.verify;
