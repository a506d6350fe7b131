package dev.sumlog.digest;

import dev.sumlog.signature.PendingSignature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A channel that hands every byte it reads to a signature check as well, so the check rides on the
 * hashing read instead of reading the artifact a second time.
 */
final class SignatureFeedChannel implements ReadableByteChannel {

    private final ReadableByteChannel channel;
    private final PendingSignature signature;

    SignatureFeedChannel(ReadableByteChannel channel, PendingSignature signature) {
        this.channel = channel;
        this.signature = signature;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int n = channel.read(dst);
        if (n > 0) {
            ByteBuffer readNow = dst.duplicate();
            readNow.position(start).limit(start + n);
            signature.update(readNow);
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** The underlying channel belongs to the caller. */
    @Override
    public void close() {
    }
}
