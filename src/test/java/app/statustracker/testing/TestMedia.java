package app.statustracker.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Media fixtures made at test time: JPEG and PNG with the JDK, WebP and MP4 with the {@code ffmpeg} CLI. Without
 * ffmpeg the tests that need it are skipped on a developer machine and fail under {@code CI=true}, so CI never
 * passes by skipping them.
 */
public final class TestMedia {
    private static final long FFMPEG_TIMEOUT_SECONDS = 120;

    private TestMedia() {
    }

    /** An opaque RGB image: a red left half, a blue right half. */
    public static BufferedImage redBlue(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static Path jpeg(Path dir, String name, int width, int height) {
        return write(redBlue(width, height), "jpeg", dir.resolve(name));
    }

    /** A PNG whose left half is opaque red and right half fully transparent. */
    public static Path transparentPng(Path dir, String name, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        return write(image, "png", dir.resolve(name));
    }

    public static Path png(Path dir, String name, int width, int height) {
        return write(redBlue(width, height), "png", dir.resolve(name));
    }

    /** The bytes of a red/blue JPEG, for tests that upload rather than store a file. */
    public static byte[] jpeg(int width, int height) {
        return encode(redBlue(width, height), "jpeg");
    }

    /** The bytes of a PNG: red/blue, or with {@code transparent} an opaque red left half and a clear right half. */
    public static byte[] png(int width, int height, boolean transparent) {
        if (!transparent) {
            return encode(redBlue(width, height), "png");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        return encode(image, "png");
    }

    /** The bytes of an H.264 MP4 made in {@code dir} (see {@link #h264Mp4(Path, String, int, int, double, String...)}). */
    public static byte[] h264Mp4(Path dir, int width, int height, double seconds) {
        try {
            Path file = h264Mp4(dir, "fixture-" + width + "x" + height + "-" + seconds + ".mp4", width, height,
                    seconds);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, out), "no ImageIO writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Path write(BufferedImage image, String format, Path target) {
        try {
            assertTrue(ImageIO.write(image, format, target.toFile()), "no ImageIO writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Skips (developer machine) or fails (CI=true) when ffmpeg is not installed. */
    public static void requireFfmpeg() {
        boolean present = onPath("ffmpeg");
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("ffmpeg is not installed; CI must install it (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "ffmpeg is not installed; media fixtures need it");
    }

    /** True when this ffmpeg build has the encoder {@code name} (e.g. libx265). */
    public static boolean hasEncoder(String name) {
        requireFfmpeg();
        String encoders = run(List.of("ffmpeg", "-hide_banner", "-encoders"));
        return encoders.lines().anyMatch(line -> line.trim().split("\\s+").length > 1
                && line.trim().split("\\s+")[1].equals(name));
    }

    /** H.264 MP4 of the ffmpeg test pattern, yuv420p, 25 fps. */
    public static Path h264Mp4(Path dir, String name, int width, int height, double seconds, String... extra) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "testsrc=size=" + width + "x" + height + ":rate=25:duration=" + seconds,
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-f", "mp4"));
        args.addAll(List.of(extra));
        return ffmpeg(dir.resolve(name), args);
    }

    /** H.265 MP4 (sample entry hvc1); call only when {@link #hasEncoder}("libx265"). */
    public static Path h265Mp4(Path dir, String name) {
        return ffmpeg(dir.resolve(name), List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=1",
                "-c:v", "libx265", "-x265-params", "log-level=error", "-tag:v", "hvc1", "-pix_fmt", "yuv420p",
                "-f", "mp4"));
    }

    /** An H.264 QuickTime movie: {@code ftyp} brand {@code qt  }. */
    public static Path quickTime(Path dir, String name) {
        return ffmpeg(dir.resolve(name), List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=1",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-f", "mov"));
    }

    /** A single-frame WebP of the test pattern, lossy or lossless. */
    public static Path webp(Path dir, String name, int width, int height, boolean lossless) {
        return ffmpeg(dir.resolve(name), List.of("-f", "lavfi", "-i",
                "testsrc=size=" + width + "x" + height + ":rate=1:duration=1", "-frames:v", "1",
                "-c:v", "libwebp", "-lossless", lossless ? "1" : "0", "-f", "webp"));
    }

    private static Path ffmpeg(Path target, List<String> args) {
        requireFfmpeg();
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-y", "-hide_banner", "-loglevel", "error"));
        command.addAll(args);
        command.add(target.toString());
        run(command);
        assertTrue(Files.isRegularFile(target), "ffmpeg made no " + target.getFileName());
        return target;
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(FFMPEG_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("ffmpeg took over " + FFMPEG_TIMEOUT_SECONDS + " s: " + command);
            }
            String text = new String(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), () -> "ffmpeg failed: " + command + "\n" + text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
