package dev.sumlog.source.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of single URL path segments (RFC 3986), done by hand because
 * {@link java.net.URLDecoder} is form decoding and would turn a literal {@code +} in a file name
 * into a space.
 *
 * <p>Invariant: {@code decode(encode(s)).equals(s)} for every string, and {@link #encode} has one
 * output per name, so encoded paths can be compared as strings (de-duplication by URL relies on it).
 */
final class PathSegments {

    private static final String UNRESERVED = "-._~";

    private PathSegments() {
    }

    /** Encodes everything but RFC 3986 unreserved characters, so '+', ';', ':' and '@' are encoded too. */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || UNRESERVED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * Decodes one raw segment as UTF-8.
     *
     * @throws IllegalArgumentException with a one-line reason when an escape is broken or the bytes
     *                                  are not valid UTF-8
     */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (low < 0) {
                throw new IllegalArgumentException("broken percent-escape in '" + raw + "'");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("name '" + raw + "' is not valid UTF-8 once percent-decoded");
        }
    }
}
