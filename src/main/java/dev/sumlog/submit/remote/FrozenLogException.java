package dev.sumlog.submit.remote;

import java.io.IOException;

/**
 * The log (a Rekor v2 shard) is frozen and takes no more entries (HTTP 405). Shards are replaced
 * about every six months; the operator points the job at the next shard's URL.
 */
public class FrozenLogException extends IOException {

    public FrozenLogException(String message) {
        super(message);
    }
}
