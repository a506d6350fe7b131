package dev.sumlog.tlog.tiles;

import dev.sumlog.tlog.TlogException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry bundle codec: entries concatenated, each preceded by its length as a big-endian
 * uint16. Entry {@code i} of bundle {@code n} is log entry {@code n * 256 + i}.
 */
public final class EntryBundle {

    /** Largest entry a uint16 length prefix can describe. */
    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    private EntryBundle() {
    }

    public static byte[] encode(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            if (entry.length > MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException("entry bundle: entry is " + entry.length + " bytes, max " + MAX_ENTRY_SIZE);
            }
            out.write(entry.length >>> 8);
            out.write(entry.length);
            out.write(entry, 0, entry.length);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a bundle that must hold exactly {@code count} entries.
     *
     * @throws TlogException if the bundle is truncated, too long or has the wrong count
     */
    public static List<byte[]> decode(byte[] bundle, int count) {
        List<byte[]> entries = new ArrayList<>(count);
        int pos = 0;
        while (pos < bundle.length) {
            if (entries.size() == count) {
                throw new TlogException("entry bundle: more than " + count + " entries");
            }
            if (bundle.length - pos < 2) {
                throw new TlogException("entry bundle: truncated length prefix at entry " + entries.size());
            }
            int length = ((bundle[pos] & 0xFF) << 8) | (bundle[pos + 1] & 0xFF);
            pos += 2;
            if (bundle.length - pos < length) {
                throw new TlogException("entry bundle: entry " + entries.size() + " truncated");
            }
            entries.add(Arrays.copyOfRange(bundle, pos, pos + length));
            pos += length;
        }
        if (entries.size() != count) {
            throw new TlogException("entry bundle: " + entries.size() + " entries, want " + count);
        }
        return entries;
    }
}
