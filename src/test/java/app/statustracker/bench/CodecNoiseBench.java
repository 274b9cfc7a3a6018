package app.statustracker.bench;

import app.statustracker.wa.binary.Node;
import app.statustracker.wa.binary.NodeDecoder;
import app.statustracker.wa.binary.NodeEncoder;
import app.statustracker.wa.noise.SymmetricState;
import app.statustracker.wa.noise.TransportCipher;
import app.statustracker.wa.noise.TransportKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Throughput of the binary node codec and the Noise transport cipher on {@link BenchMessage}, run by
 * {@code bench/codec-noise.sh} next to {@code src/test/node/bench/codec-noise.mjs}, which measures Baileys the
 * same way on the same input. Not a test: a plain main that prints one tab-separated line per operation
 * ({@code op, median MB/s, min, max}); MB = 10^6 bytes of frame plaintext.
 *
 * <p>Method, identical on both sides: a pass is {@value #FRAMES_PER_PASS} operations (a transport pass
 * starts a fresh cipher at counter 0, as a connection does); warm up by running passes for the warm-up
 * time, then time {@code iterations} iterations of whole passes lasting at least the iteration time each,
 * and report the median rate.
 *
 * <p>Arguments: {@code --input FILE} writes the shared input (the node as driver JSON, its encoding, the
 * first transport ciphertexts) for the Node side; {@code --only OP} runs one operation (the runner starts
 * one JVM per operation, like a JMH fork); {@code --warmup-ms}, {@code --iteration-ms}, {@code --iterations}.
 */
public final class CodecNoiseBench {
    static final int FRAMES_PER_PASS = 1024;
    private static final HexFormat HEX = HexFormat.of();

    /** One pass of {@link #FRAMES_PER_PASS} operations; returns something derived from every result. */
    private interface Pass {
        long run() throws Exception;
    }

    private static long sink;

    private CodecNoiseBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long warmupNanos = Long.parseLong(options.getOrDefault("--warmup-ms", "5000")) * 1_000_000L;
        long iterationNanos = Long.parseLong(options.getOrDefault("--iteration-ms", "200")) * 1_000_000L;
        int iterations = Integer.parseInt(options.getOrDefault("--iterations", "20"));

        Node node = BenchMessage.statusPost();
        NodeEncoder encoder = new NodeEncoder();
        NodeDecoder decoder = new NodeDecoder();
        byte[] frame = encoder.encode(node);
        // the keys Split gives from the initial state: what Baileys' makeNoiseHandler().finishInit() derives
        TransportKeys keys = new SymmetricState().split();
        byte[][] incoming = new byte[FRAMES_PER_PASS][];
        TransportCipher server = keys.serverSending();
        for (int i = 0; i < FRAMES_PER_PASS; i++) {
            incoming[i] = server.encrypt(frame);
        }
        if (options.containsKey("--input")) {
            writeInput(Path.of(options.get("--input")), node, frame, keys.clientSending().encrypt(frame), incoming[0]);
        }

        Map<String, Pass> passes = new LinkedHashMap<>();
        passes.put("encode", () -> {
            long s = 0;
            for (int i = 0; i < FRAMES_PER_PASS; i++) {
                s += encoder.encode(node).length;
            }
            return s;
        });
        passes.put("decode", () -> {
            long s = 0;
            for (int i = 0; i < FRAMES_PER_PASS; i++) {
                s += decoder.decodeFrame(frame).children().size();
            }
            return s;
        });
        passes.put("encode+decode", () -> {
            long s = 0;
            for (int i = 0; i < FRAMES_PER_PASS; i++) {
                s += decoder.decodeFrame(encoder.encode(node)).children().size();
            }
            return s;
        });
        passes.put("transport-encrypt", () -> {
            TransportCipher cipher = keys.clientSending();
            long s = 0;
            for (int i = 0; i < FRAMES_PER_PASS; i++) {
                s += cipher.encrypt(frame).length;
            }
            return s;
        });
        passes.put("transport-decrypt", () -> {
            TransportCipher cipher = keys.clientReceiving();
            long s = 0;
            for (int i = 0; i < FRAMES_PER_PASS; i++) {
                s += cipher.decrypt(incoming[i]).length;
            }
            return s;
        });
        passes.put("send(encode+encrypt)", () -> {
            TransportCipher cipher = keys.clientSending();
            long s = 0;
            for (int i = 0; i < FRAMES_PER_PASS; i++) {
                s += cipher.encrypt(encoder.encode(node)).length;
            }
            return s;
        });
        passes.put("receive(decrypt+decode)", () -> {
            TransportCipher cipher = keys.clientReceiving();
            long s = 0;
            for (int i = 0; i < FRAMES_PER_PASS; i++) {
                s += decoder.decodeFrame(cipher.decrypt(incoming[i])).children().size();
            }
            return s;
        });

        String only = options.get("--only");
        if (only != null && !passes.containsKey(only)) {
            throw new IllegalArgumentException("no operation " + only + "; there are " + passes.keySet());
        }
        long bytesPerPass = (long) frame.length * FRAMES_PER_PASS;
        for (Map.Entry<String, Pass> entry : passes.entrySet()) {
            if (only != null && !only.equals(entry.getKey())) {
                continue;
            }
            double[] rates = measure(entry.getValue(), bytesPerPass, warmupNanos, iterationNanos, iterations);
            System.out.printf("%s\t%.1f\t%.1f\t%.1f%n", entry.getKey(), median(rates), rates[0], rates[rates.length - 1]);
        }
        System.err.println("[java] sink " + sink + ", " + Runtime.version() + ", " + frame.length + "-byte frame");
    }

    /** MB/s of each timed iteration, sorted. */
    private static double[] measure(Pass pass, long bytesPerPass, long warmupNanos, long iterationNanos,
                                    int iterations) throws Exception {
        long warmupEnd = System.nanoTime() + warmupNanos;
        while (System.nanoTime() < warmupEnd) {
            sink += pass.run();
        }
        double[] rates = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long elapsed;
            long passes = 0;
            do {
                sink += pass.run();
                passes++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < iterationNanos);
            rates[i] = passes * bytesPerPass / (elapsed / 1e9) / 1e6;
        }
        Arrays.sort(rates);
        return rates;
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void writeInput(Path file, Node node, byte[] frame, byte[] firstOutgoing, byte[] firstIncoming)
            throws IOException {
        String json = "{\"node\":" + nodeJson(node)
                + ",\"frameHex\":\"" + HEX.formatHex(frame)
                + "\",\"firstOutgoingHex\":\"" + HEX.formatHex(firstOutgoing)
                + "\",\"firstIncomingHex\":\"" + HEX.formatHex(firstIncoming)
                + "\",\"framesPerPass\":" + FRAMES_PER_PASS + "}\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    /** The driver's node JSON ({@code src/test/node/commands/node-json.mjs}), written without a JSON library. */
    private static String nodeJson(Node node) {
        StringBuilder json = new StringBuilder("{\"tag\":").append(quote(node.tag())).append(",\"attrs\":{");
        String separator = "";
        for (Map.Entry<String, String> attribute : node.attributes().entrySet()) {
            json.append(separator).append(quote(attribute.getKey())).append(':').append(quote(attribute.getValue()));
            separator = ",";
        }
        json.append('}');
        switch (node.contentKind()) {
            case NONE -> { }
            case TEXT -> json.append(",\"content\":").append(quote(node.contentText()));
            case BYTES -> json.append(",\"content\":{\"hex\":\"").append(HEX.formatHex(node.contentBytes())).append("\"}");
            case CHILDREN -> {
                json.append(",\"content\":[");
                String comma = "";
                for (Node child : node.children()) {
                    json.append(comma).append(nodeJson(child));
                    comma = ",";
                }
                json.append(']');
            }
        }
        return json.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
