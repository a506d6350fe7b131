package dev.sumlog.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Optional audit trail of every file the hash step starts to read, one line per file, appended
 * unbuffered so it survives a SIGKILL. Restart tests use it to prove that no committed file is
 * hashed twice; operators can use it to see what a slow run is reading. Off unless configured.
 */
public final class HashTrace implements AutoCloseable {

    private final FileChannel out;

    private HashTrace(FileChannel out) {
        this.out = out;
    }

    public static HashTrace off() {
        return new HashTrace(null);
    }

    public static HashTrace to(Path file) throws IOException {
        return new HashTrace(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /** Records a path; paths are written with newlines escaped so one line is one file. */
    public void hashing(String path) {
        if (out == null) {
            return;
        }
        String line = path.replace("\\", "\\\\").replace("\n", "\\n") + "\n";
        try {
            synchronized (out) {
                out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to hash trace", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
