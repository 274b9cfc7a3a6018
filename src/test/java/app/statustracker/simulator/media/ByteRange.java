package app.statustracker.simulator.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single {@code Range: bytes=first-last} (or {@code first-}) request, all Baileys sends when it resumes or
 * seeks in a download. Multi-range and suffix ({@code bytes=-n}) forms are not understood and get the whole file,
 * which HTTP allows.
 */
record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("^bytes=(\\d+)-(\\d*)$");

    long length() {
        return last - first + 1;
    }

    /** The range within a file of {@code size} bytes; empty for no header or an unsupported one. */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = SINGLE.matcher(header.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long first = Long.parseLong(matcher.group(1));
        long last = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
        return Optional.of(new ByteRange(first, last));
    }

    /** True when no byte of the file lies in the range: answered 416. */
    boolean unsatisfiable(long size) {
        return first >= size || last < first;
    }
}
