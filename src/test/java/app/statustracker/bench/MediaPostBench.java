package app.statustracker.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Image and video statuses through the running service, Java side of bench/media-post.sh (Baileys side:
 * src/test/node/bench/media-post.mjs). Everything goes through the REST API of the deployed WAR, as users run it.
 * Modes:
 * <ul>
 *   <li>{@code --make-photo FILE}: writes the ~2 MB test JPEG ({@link NoisyJpeg});</li>
 *   <li>{@code --mode posts}: {@code --warmup} throw-away sessions post the photo and the video once each
 *       (class loading, JIT of the server); then, per medium (and first a text status, the reference without
 *       media), a fresh session is linked by QR, the file is uploaded
 *       once ({@code upload-image} / {@code upload-video}, not timed), and two {@code send-status} calls to every
 *       contact are timed from the request until its 200 answer — which the service gives once WhatsApp's server
 *       acked the post, after encrypting and uploading the file to the media host. First post: usync, a Signal
 *       session and the sender key for every device; second: the sender key is held already. Prints
 *       {@code java medium rep firstMs secondMs firstPairwise secondPairwise deliveries mediaBytes};</li>
 *   <li>{@code --mode heap}: one fresh session; after {@code jcmd GC.run} the server's heap is sampled
 *       ({@link HeapSampler}, {@link GcLog}) while {@code --video} is uploaded and then posted; prints
 *       {@code java heap label baselineMB uploadPeakMB postPeakMB uploadAfterGcMaxMB postAfterGcMaxMB uploadMs postMs
 *       result}, where peaks are above the baseline.</li>
 * </ul>
 * Every post is checked: {@code data.status == "sent"}, the simulator relayed the message without an ack error to
 * at least one device per contact, and its media host stored one more upload of the medium, as large as the file
 * at least (the ciphertext adds padding and a 10-byte MAC).
 */
public final class MediaPostBench {
    private final ServiceApi api;
    private final SimulatorControlClient control;
    private final List<String> phones;
    private int sessions;
    private final String phonePrefix;

    private MediaPostBench(ServiceApi api, SimulatorControlClient control, List<String> phones, String phonePrefix) {
        this.api = api;
        this.control = control;
        this.phones = phones;
        this.phonePrefix = phonePrefix;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options come as --name value, not " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (options.containsKey("make-photo")) {
            long size = NoisyJpeg.write(Path.of(options.get("make-photo")),
                    Long.parseLong(options.getOrDefault("photo-bytes", "2000000")));
            log("wrote " + options.get("make-photo") + " (" + size + " bytes)");
            System.exit(0);
        }
        ServiceApi api = new ServiceApi(URI.create(required(options, "api")), required(options, "api-key"));
        SimulatorControlClient control = new SimulatorControlClient(URI.create(required(options, "control-url")));
        List<String> phones = Files.readAllLines(Path.of(options.getOrDefault("contacts-file",
                        "target/bench/status-contacts.tsv"))).stream().filter(line -> !line.isBlank())
                .map(line -> line.split("\t")[0]).toList();
        MediaPostBench bench = new MediaPostBench(api, control, phones, options.getOrDefault("phone-prefix", "1790"));
        switch (required(options, "mode")) {
            case "posts" -> bench.posts(Path.of(required(options, "photo")), Path.of(required(options, "video")),
                    Integer.parseInt(options.getOrDefault("warmup", "1")), options.getOrDefault("rep", "1"));
            case "heap" -> bench.heap(Path.of(required(options, "video")), Long.parseLong(required(options, "server-pid")),
                    new GcLog(Path.of(required(options, "gc-log"))), options.getOrDefault("label", "default"));
            default -> throw new IllegalArgumentException("--mode is posts or heap");
        }
        System.exit(0);
    }

    private void posts(Path photo, Path video, int warmup, String rep) throws Exception {
        for (int i = 0; i < warmup; i++) {
            String session = linkFresh();
            post(session, upload(photo), photo, true);
            post(session, upload(video), video, true);
            log("warm-up session " + session + " posted the photo and the video");
        }
        // a text status first, through the same REST route: what the service costs without any media, as a reference
        for (Path file : Arrays.asList(null, photo, video)) {
            String session = linkFresh();
            Upload uploaded = file == null ? new Upload("text", "a text status through the REST API") : upload(file);
            Posted first = post(session, uploaded, file, true);
            // the same upload again: the service may refer to its first media-host copy (as WhatsApp forwards)
            Posted second = post(session, uploaded, file, false);
            String medium = uploaded.kind;
            log(String.format(Locale.ROOT, "%s %s: first %.1f ms (%d pairwise, %d deliveries), second %.1f ms (%d pairwise)",
                    medium, rep, first.millis, first.pairwise, first.deliveries, second.millis, second.pairwise));
            System.out.printf(Locale.ROOT, "java\t%s\t%s\t%.1f\t%.1f\t%d\t%d\t%d\t%d%n", medium, rep, first.millis,
                    second.millis, first.pairwise, second.pairwise, first.deliveries, file == null ? 0 : Files.size(file));
            System.out.flush();
        }
    }

    private void heap(Path video, long serverPid, GcLog gcLog, String label) throws Exception {
        String session = linkFresh();
        String result = "sent";
        long uploadNanos = 0;
        long postNanos = 0;
        // a full collection of the idle server: what stays is the baseline every figure is measured above
        new ProcessBuilder("jcmd", Long.toString(serverPid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Thread.sleep(1000);
        long uploadFrom;
        long postFrom;
        long postTo;
        List<GcLog.Pause> baselinePauses;
        long logStart = gcLog.offset();
        try (HeapSampler sampler = new HeapSampler(serverPid)) {
            uploadFrom = gcLog.offset();
            sampler.phase("upload");
            long started = System.nanoTime();
            Upload uploaded = null;
            try {
                uploaded = upload(video);
            } catch (RuntimeException e) {
                result = "upload failed: " + e.getMessage();
            }
            uploadNanos = System.nanoTime() - started;
            postFrom = gcLog.offset();
            sampler.phase("post");
            started = System.nanoTime();
            if (uploaded != null) {
                try {
                    post(session, uploaded, video, true);
                } catch (RuntimeException e) {
                    result = "post failed: " + e.getMessage();
                }
            }
            postNanos = System.nanoTime() - started;
            sampler.phase("after");
            postTo = gcLog.offset();
            long baseKb = sampler.baselineKb();
            List<GcLog.Pause> uploadPauses = gcLog.pauses(uploadFrom, postFrom);
            List<GcLog.Pause> postPauses = gcLog.pauses(postFrom, postTo);
            baselinePauses = gcLog.pauses(0, logStart);
            long baseAfterGcMb = baselinePauses.isEmpty() ? -1 : baselinePauses.get(baselinePauses.size() - 1).afterMb();
            log(String.format(Locale.ROOT, "%s: baseline %.1f MB used (after GC.run: %d MB), %d samples; upload %.0f ms,"
                            + " %d GCs %s; post %.0f ms, %d GCs %s; %s", label, baseKb / 1024.0, baseAfterGcMb,
                    sampler.samples(), uploadNanos / 1e6, uploadPauses.size(), summary(uploadPauses), postNanos / 1e6,
                    postPauses.size(), summary(postPauses), result));
            System.out.printf(Locale.ROOT, "java\theap\t%s\t%.1f\t%.1f\t%.1f\t%s\t%s\t%.0f\t%.0f\t%s%n", label,
                    baseKb / 1024.0, above(sampler.peakKb("upload"), baseKb), above(sampler.peakKb("post"), baseKb),
                    maxAfter(uploadPauses, baseAfterGcMb), maxAfter(postPauses, baseAfterGcMb), uploadNanos / 1e6,
                    postNanos / 1e6, result.replace('\t', ' ').replace('\n', ' '));
        }
    }

    private static double above(long peakKb, long baseKb) {
        return peakKb < 0 ? Double.NaN : (peakKb - baseKb) / 1024.0;
    }

    /** The largest heap after a collection in that stretch, above the baseline's; "-" without a collection. */
    private static String maxAfter(List<GcLog.Pause> pauses, long baseMb) {
        return pauses.isEmpty() || baseMb < 0 ? "-"
                : Long.toString(pauses.stream().mapToLong(GcLog.Pause::afterMb).max().orElseThrow() - baseMb);
    }

    private static String summary(List<GcLog.Pause> pauses) {
        StringBuilder text = new StringBuilder();
        for (GcLog.Pause p : pauses) {
            text.append(text.length() == 0 ? "[" : ", ").append(p.beforeMb()).append("->").append(p.afterMb())
                    .append('(').append(p.heapMb()).append(')');
        }
        return text.length() == 0 ? "[]" : text.append(']').toString();
    }

    private String linkFresh() throws Exception {
        String phone = phonePrefix + String.format(Locale.ROOT, "%07d", sessions++);
        String session = "bench" + phone;
        RestSession.link(api, control, session, phone);
        return session;
    }

    private record Upload(String kind, String filename) {
    }

    private Upload upload(Path file) throws Exception {
        boolean video = file.getFileName().toString().endsWith(".mp4");
        JsonObject data = api.upload(video ? "/api/upload-video" : "/api/upload-image", video ? "video" : "image",
                file, video ? "video/mp4" : "image/jpeg").data();
        return new Upload(video ? "video" : "image", data.getString("filename"));
    }

    private record Posted(double millis, long pairwise, int deliveries) {
    }

    /** @param mustUpload the post has to put the file on the media host (false: a copy from before may be reused) */
    private Posted post(String session, Upload upload, Path file, boolean mustUpload) throws Exception {
        boolean media = file != null;
        int uploadsBefore = control.mediaUploads().size();
        JsonObject body = Json.createObjectBuilder().add("type", upload.kind).add("content", upload.filename)
                .add("targetNumbers", String.join(",", phones)).build();
        long started = System.nanoTime();
        ServiceApi.Reply reply = api.post("/api/sessions/" + session + "/send-status", body);
        double millis = (System.nanoTime() - started) / 1e6;
        JsonObject data = reply.data();
        if (!"sent".equals(data.getString("status", null))) {
            throw new IllegalStateException("send-status answered status " + data.get("status") + ": " + reply.raw());
        }
        JsonObject relayed = control.awaitMessage(data.getString("id"));
        if (relayed.containsKey("ackError")) {
            throw new IllegalStateException("the simulator refused " + data.getString("id") + ": " + relayed);
        }
        List<JsonValue> deliveries = relayed.getJsonArray("deliveries");
        long pairwise = deliveries.stream().filter(d -> d.asJsonObject().containsKey("encType")).count();
        if (deliveries.size() < phones.size()) {
            throw new IllegalStateException("the post reached " + deliveries.size() + " devices for " + phones.size()
                    + " contacts");
        }
        var uploads = control.mediaUploads();
        if (!media) {
            return new Posted(millis, pairwise, deliveries.size());
        }
        int added = uploads.size() - uploadsBefore;
        if (added > 1 || mustUpload && added != 1) {
            throw new IllegalStateException("the media host got " + added + " uploads");
        }
        if (added == 0) {
            return new Posted(millis, pairwise, deliveries.size()); // reused the earlier copy
        }
        JsonObject stored = uploads.getJsonObject(uploads.size() - 1);
        if (stored.getJsonNumber("size").longValue() < Files.size(file)) {
            throw new IllegalStateException("the media host stored " + stored + " for a file of " + Files.size(file));
        }
        return new Posted(millis, pairwise, deliveries.size());
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static void log(String message) {
        System.err.println("[java] " + message);
    }
}
