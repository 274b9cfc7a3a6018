package app.statustracker.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's unified GC log ({@code -Xlog:gc:file=…}), read between two offsets: the heap occupancy after each
 * collection in that stretch ("45M->20M(96M)"), which counts no garbage of young objects, unlike used-heap samples.
 */
final class GcLog {
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) (Pause [^0-9]*?)\\s*(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    long offset() throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** A collection: its kind ("Pause Young (Normal) (G1 Evacuation Pause)"), MB before, after, heap size. */
    record Pause(String kind, long beforeMb, long afterMb, long heapMb) {
    }

    List<Pause> pauses(long from, long to) throws IOException {
        List<Pause> found = new ArrayList<>();
        if (to <= from) {
            return found;
        }
        byte[] bytes = new byte[(int) (to - from)];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(from);
            in.readFully(bytes);
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                found.add(new Pause(m.group(1).trim(), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4))));
            }
        }
        return found;
    }
}
