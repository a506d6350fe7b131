/**
 * In-JVM fake Rekor logs for tests, on 127.0.0.1, built on the project's own {@code tlog}
 * package so that their proofs and signatures are real: {@link dev.sumlog.fakes.FakeRekorV1}
 * (REST API, ECDSA P-256 SET and checkpoints, virtual vs shard-local indexes) and
 * {@link dev.sumlog.fakes.FakeRekorV2} (write API plus C2SP tlog-tiles served from a real
 * {@code TileLog}, Ed25519 checkpoints). Both share {@link dev.sumlog.fakes.Faults} (one-shot
 * misbehaviours for the next POSTs) and {@link dev.sumlog.fakes.Traffic} (what arrived, when).
 * Request bodies for tests come from {@link dev.sumlog.fakes.SubmitterKey}.
 */
package dev.sumlog.fakes;
