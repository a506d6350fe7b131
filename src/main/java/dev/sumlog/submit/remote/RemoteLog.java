package dev.sumlog.submit.remote;

import java.io.IOException;

/**
 * A transparency log run by someone else (Rekor v1, Rekor v2, an rget recorder), reached over HTTP.
 *
 * <p>Exactly once: {@link #request} is called once per release and its result is committed to the
 * catalog before the first {@link #submit}; every retry, in this run or after a crash, sends those
 * same bytes, and the log answers a repeat with "already there" (409), which {@link #submit} turns
 * into the same verified {@link Accepted} as a first 201. Implementations verify everything the log
 * returns before answering: a caller may record an {@link Accepted} as logged without further checks.
 */
public interface RemoteLog {

    /** The log's URL: its name in the catalog and in messages. */
    String id();

    /** What its receipts are called beside the sums file ({@code .sigstore.json}), or null when it gives none. */
    String receiptSuffix();

    /**
     * The exact request that records one release, signed: a pure function of the sums file's digest
     * and the signing key, apart from the signature's own randomness (which is why it is stored).
     *
     * @param sumsSha256 lower-case hex SHA-256 of the sums file's exact bytes
     * @param sumsUrl    the sums file's public URL, or null when the job has no public-url
     */
    String request(String sumsSha256, String sumsUrl);

    /**
     * Sends a stored request once (the caller retries {@link dev.sumlog.submit.TransientLogException}).
     *
     * @throws dev.sumlog.submit.TransientLogException a 429, a 5xx, a reset or a timeout: try again later
     * @throws RejectedException    the log refused the request for good (400)
     * @throws FrozenLogException   the log takes no more entries (405): the operator must switch shards
     * @throws UnverifiedAnswerException the answer's proof, signature, checkpoint or body did not verify
     */
    Accepted submit(String request) throws IOException;

    /** A verified inclusion: the log's index for the entry, and the receipt to publish (null when none). */
    record Accepted(long index, String receipt) {
    }
}
