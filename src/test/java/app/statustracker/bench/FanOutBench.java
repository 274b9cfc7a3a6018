package app.statustracker.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.BufferedWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service's side of bench/fanout.sh, against the running WAR and the simulator:
 * <ul>
 *   <li>{@code --mode prepare}: links session {@code fanout} by QR and posts {@code --statuses} text statuses to
 *       every contact of {@code --contacts-file} through {@code send-status}; writes their ids to
 *       {@code --statuses-file}.</li>
 *   <li>{@code --mode stream}: the simulator sends every contact's delivery receipt, then its read receipt, for
 *       every status, paced at {@code --rate} receipts per second in chunks of {@code --chunk} viewers (one control
 *       request each); the time each read receipt was handed to the simulator goes to {@code --injections}
 *       ({@code statusId phone epochMs}); then, given {@code --api}, waits until {@code status-viewers} lists every
 *       read. Prints {@code stream receipts seconds receiptsPerSecond secondsUntilAllRecorded} (the last is the
 *       injection time without {@code --api}).</li>
 * </ul>
 */
public final class FanOutBench {
    private static final String SESSION = "fanout";

    private FanOutBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        // without --api (the Baileys reference has no API) the stream ends when the simulator has sent everything
        ServiceApi api = o.containsKey("api") ? new ServiceApi(URI.create(o.get("api")), o.get("api-key")) : null;
        SimulatorControlClient control = new SimulatorControlClient(URI.create(o.get("control-url")));
        List<String> phones = Files.readAllLines(Path.of(o.get("contacts-file"))).stream()
                .filter(line -> !line.isBlank()).map(line -> line.split("\t")[0]).toList();
        Path statusesFile = Path.of(o.get("statuses-file"));
        switch (o.get("mode")) {
            case "prepare" -> prepare(api, control, phones, Integer.parseInt(o.getOrDefault("statuses", "5")),
                    statusesFile, o.getOrDefault("phone", "17990000001"));
            case "stream" -> stream(api, control, phones, Files.readAllLines(statusesFile),
                    Integer.parseInt(o.getOrDefault("rate", "5000")), Integer.parseInt(o.getOrDefault("chunk", "250")),
                    Path.of(o.get("injections")));
            default -> throw new IllegalArgumentException("--mode is prepare or stream");
        }
        System.exit(0);
    }

    private static void prepare(ServiceApi api, SimulatorControlClient control, List<String> phones, int statuses,
                                Path statusesFile, String ownPhone) throws Exception {
        RestSession.link(api, control, SESSION, ownPhone);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < statuses; i++) {
            long started = System.nanoTime();
            JsonObject body = Json.createObjectBuilder().add("type", "text")
                    .add("content", "fan-out status " + (i + 1)).add("targetNumbers", String.join(",", phones)).build();
            ServiceApi.Reply reply = api.post("/api/sessions/" + SESSION + "/send-status", body);
            JsonObject data = reply.data();
            if (!"sent".equals(data.getString("status", null))) {
                throw new IllegalStateException("send-status answered " + reply.raw());
            }
            control.awaitMessage(data.getString("id"));
            ids.add(data.getString("id"));
            log(String.format(Locale.ROOT, "posted %s to %d contacts in %.1f s", data.getString("id"), phones.size(),
                    (System.nanoTime() - started) / 1e9));
        }
        Files.write(statusesFile, ids);
    }

    private static void stream(ServiceApi api, SimulatorControlClient control, List<String> phones,
                               List<String> statusIds, int rate, int chunk, Path injections) throws Exception {
        long t = System.currentTimeMillis() / 1000;
        int total = statusIds.size() * phones.size() * 2;
        long started = System.nanoTime();
        long next = started;
        int sent = 0;
        try (BufferedWriter out = Files.newBufferedWriter(injections, StandardCharsets.UTF_8)) {
            for (String type : new String[] {null, "read"}) {
                for (String id : statusIds) {
                    for (int from = 0; from < phones.size(); from += chunk) {
                        List<String> viewers = phones.subList(from, Math.min(phones.size(), from + chunk));
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        next += (long) (1e9 * viewers.size() / rate);
                        long at = System.currentTimeMillis();
                        control.injectReceipts(id, viewers, type, t);
                        sent += viewers.size();
                        if (type != null) {
                            for (String phone : viewers) {
                                out.write(id + "\t" + phone + "\t" + at + "\n");
                            }
                        }
                    }
                }
            }
        }
        double injectSeconds = (System.nanoTime() - started) / 1e9;
        log(String.format(Locale.ROOT, "the simulator took %d receipts in %.2f s (%.0f/s)", sent, injectSeconds,
                sent / injectSeconds));
        long deadline = System.nanoTime() + 180_000_000_000L;
        for (String id : api == null ? List.<String>of() : statusIds) {
            while (viewed(api, id) < phones.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("status " + id + " has " + viewed(api, id) + " reads of "
                            + phones.size() + " after 3 minutes");
                }
                Thread.sleep(100);
            }
        }
        double recorded = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "stream\t%d\t%.2f\t%.0f\t%.2f%n", total, injectSeconds, sent / injectSeconds,
                recorded);
    }

    private static int viewed(ServiceApi api, String statusId) throws Exception {
        ServiceApi.Reply reply = api.get("/api/sessions/" + SESSION + "/status-viewers/" + statusId);
        JsonArray viewers = reply.data().getJsonArray("viewers");
        int n = 0;
        for (var v : viewers) {
            if (!v.asJsonObject().isNull("viewedAt")) {
                n++;
            }
        }
        return n;
    }

    private static void log(String line) {
        System.err.println("[fanout] " + line);
    }
}
