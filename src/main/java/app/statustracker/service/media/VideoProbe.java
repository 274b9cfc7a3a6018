package app.statustracker.service.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mp4parser.Box;
import org.mp4parser.BoxParser;
import org.mp4parser.PropertyBoxParserImpl;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MediaBox;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleDescriptionBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;
import org.mp4parser.support.Matrix;

/**
 * Reads size, duration and codec of an MP4 upload with isoparser, from the {@code moov} box only.
 *
 * <p>We find {@code moov} ourselves by walking the top-level box headers and hand isoparser just those bytes.
 * Given the whole file, isoparser 1.9 does not hold {@code mdat} in the heap, but it copies every {@code mdat}
 * into a temporary file while the {@code IsoFile} is open (and registers each copy for deletion at JVM exit, a
 * list that only grows in a server): a second full write of every video just to read a few kilobytes of header.
 */
public final class VideoProbe {
    private static final Logger LOG = Logger.getLogger(VideoProbe.class.getName());
    /** A movie header is kilobytes for a short status video; anything this big is not one we want to parse. */
    static final long MAX_MOOV_BYTES = 16L * 1024 * 1024;

    private static final String BOX_TABLE = "isoparser2-default.properties";
    private static BoxParser parser;
    private static final Set<String> H264_ENTRIES = Set.of("avc1", "avc3");

    private VideoProbe() {
    }

    public static VideoInfo probe(Path file) {
        byte[] moov;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            moov = readMoov(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MovieBox movie;
        try (IsoFile iso = new IsoFile(Channels.newChannel(new ByteArrayInputStream(moov)), boxParser())) {
            movie = iso.getMovieBox();
            if (movie == null) {
                throw new InvalidMediaException("the MP4 file has no readable movie header");
            }
            return describe(movie);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnsupportedMediaException || e instanceof InvalidMediaException) {
                throw (RuntimeException) e;
            }
            // the reason stays in the log: the user learns the file is unreadable, the operator why
            LOG.log(Level.INFO, "MP4 movie header not readable", e);
            throw new InvalidMediaException("the MP4 movie header cannot be read (truncated or corrupt?)", e);
        }
    }

    /**
     * isoparser's default parser reads its box table through the system class loader, which inside a WAR does not
     * see the library's jar (the deployment then fails every probe with a null stream); this reads the same table
     * through the library's own class loader.
     */
    private static synchronized BoxParser boxParser() {
        if (parser == null) {
            Properties table = new Properties();
            try (InputStream in = PropertyBoxParserImpl.class.getResourceAsStream("/" + BOX_TABLE)) {
                if (in == null) {
                    throw new IllegalStateException("isoparser's " + BOX_TABLE + " is not on its class path");
                }
                table.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            parser = new PropertyBoxParserImpl(table);
        }
        return parser;
    }

    /** The whole {@code moov} box (header included), found by skipping the other top-level boxes. */
    static byte[] readMoov(FileChannel channel) throws IOException {
        long size = channel.size();
        long at = 0;
        ByteBuffer header = ByteBuffer.allocate(16);
        while (at + 8 <= size) {
            header.clear().limit(8);
            readFully(channel, header, at);
            long boxSize = header.getInt(0) & 0xFFFFFFFFL;
            String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
            if (boxSize == 1) {
                if (at + 16 > size) {
                    break;
                }
                header.clear().limit(16);
                readFully(channel, header, at);
                boxSize = header.getLong(8);
            } else if (boxSize == 0) {
                boxSize = size - at; // the box runs to the end of the file
            }
            if (boxSize < 8 || at + boxSize > size) {
                throw new InvalidMediaException("the MP4 file is truncated or corrupt (a box runs past its end)");
            }
            if (type.equals("moov")) {
                if (boxSize > MAX_MOOV_BYTES) {
                    throw new MediaTooLargeException("the MP4 movie header is over "
                            + MAX_MOOV_BYTES / (1024 * 1024) + " MiB");
                }
                ByteBuffer moov = ByteBuffer.allocate((int) boxSize);
                readFully(channel, moov, at);
                return moov.array();
            }
            at += boxSize;
        }
        throw new InvalidMediaException("the MP4 file has no movie header (moov box)");
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new InvalidMediaException("the MP4 file is truncated");
            }
            at += read;
        }
    }

    private static VideoInfo describe(MovieBox movie) {
        TrackBox video = null;
        for (TrackBox track : movie.getBoxes(TrackBox.class)) {
            MediaBox media = track.getMediaBox();
            if (media != null && media.getHandlerBox() != null
                    && "vide".equals(media.getHandlerBox().getHandlerType())) {
                video = track;
                break;
            }
        }
        if (video == null) {
            throw new UnsupportedMediaException("the MP4 file has no video track");
        }
        SampleDescriptionBox descriptions = video.getSampleTableBox() == null
                ? null : video.getSampleTableBox().getSampleDescriptionBox();
        List<Box> entries = descriptions == null ? List.of() : descriptions.getBoxes();
        if (entries.isEmpty()) {
            throw new InvalidMediaException("the MP4 video track has no sample description");
        }
        String codec = entries.get(0).getType();
        if (!H264_ENTRIES.contains(codec)) {
            throw new UnsupportedMediaException("the video is not H.264 (its codec is " + codec.trim()
                    + "); re-encode it as H.264 MP4");
        }

        TrackHeaderBox tkhd = video.getTrackHeaderBox();
        int width = tkhd == null ? 0 : (int) Math.round(tkhd.getWidth());
        int height = tkhd == null ? 0 : (int) Math.round(tkhd.getHeight());
        if ((width <= 0 || height <= 0) && entries.get(0) instanceof VisualSampleEntry visual) {
            width = visual.getWidth();
            height = visual.getHeight();
        }
        if (tkhd != null && isQuarterTurn(tkhd.getMatrix())) {
            int swap = width;
            width = height;
            height = swap;
        }
        if (width <= 0 || height <= 0) {
            throw new InvalidMediaException("the MP4 video track states no size");
        }
        return new VideoInfo(width, height, durationMillis(movie, video), codec);
    }

    /** Only the plain 90/270° matrices are understood; any other transform keeps the coded orientation. */
    private static boolean isQuarterTurn(Matrix matrix) {
        return Matrix.ROTATE_90.equals(matrix) || Matrix.ROTATE_270.equals(matrix);
    }

    private static long durationMillis(MovieBox movie, TrackBox video) {
        MovieHeaderBox mvhd = movie.getMovieHeaderBox();
        if (mvhd != null && mvhd.getTimescale() > 0 && mvhd.getDuration() > 0) {
            return mvhd.getDuration() * 1000 / mvhd.getTimescale();
        }
        MediaHeaderBox mdhd = video.getMediaBox().getMediaHeaderBox();
        if (mdhd != null && mdhd.getTimescale() > 0 && mdhd.getDuration() > 0) {
            return mdhd.getDuration() * 1000 / mdhd.getTimescale();
        }
        throw new InvalidMediaException("the MP4 file states no duration (fragmented MP4 is not supported)");
    }
}
