package app.statustracker.simulator.control;

import static app.statustracker.simulator.control.HttpJson.body;
import static app.statustracker.simulator.control.HttpJson.error;
import static app.statustracker.simulator.control.HttpJson.reply;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.journal.Direction;
import app.statustracker.simulator.journal.SeenStanza;
import app.statustracker.simulator.state.Account;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's control functions as JSON over HTTP on loopback, for tests in another process (REST tests
 * of the running service, benchmarks). Same operations as the {@link WaSimulator} Java API:
 * <pre>
 * GET  /info                          {wsUrl, rootPublicKey, mediaHost, mediaCaFile}
 * POST /accounts            {phoneNumber}        → {phoneNumber, lid}
 * POST /accounts/{phone}/virtual-companions {count?, oneTimeKeys?} → {phoneNumber, lid, devices: [{deviceId, jid, lid}]}
 * GET  /connections                   [{id, stage, open, closeCode, payloadKind, username, device, failure?,
 *                                      loggedInAs (device JID)?, refusals: [reason]}]
 * GET  /connections/{id}/stanzas      [{sequence, connectionId, direction, at, node}]
 * POST /connections/{id}/drop
 * POST /connections/{id}/delay  {millis}
 * POST /await-stanza  {connectionId?, direction?, tag?, type?, xmlns?, timeoutMillis} → stanza | 408
 * POST /close-all
 * GET  /accounts/{phone}              {phoneNumber, lid, identityKey, devices: [{deviceId, jid, lid, keyIndex,
 *                                      registrationId, noiseKey, identityKey, preKeyCount, connectionId?}]}
 * POST /accounts/{phone}/scan-qr      {qr}   → attempt {id, method, phoneNumber, connectionId, state, deviceId, rejection?}
 * POST /accounts/{phone}/pairing-code {code} → attempt
 * GET  /pairings                      [attempt]
 * GET  /pairings/{id}                 attempt
 * POST /pairings/{id}/await  {timeoutMillis} → attempt once LINKED/REJECTED | 408 with the attempt
 * GET  /accounts/{phone}/devices/{d}/prekeys  {count, uploads, ids, signedPreKey?: {id, publicKey}}
 * POST /accounts/{phone}/devices/{d}/unlink
 * POST /accounts/{phone}/devices/{d}/kick     → {connectionId} (404 when the device is not online)
 * GET|POST /relay-settings  {receiptShape?: A|B, acceptPnAddressedStatus?} → the settings
 * GET  /messages                      [message]     (RelayRoutes: relayed messages, receipts, faults)
 * GET  /messages/{id}                 message with receipts
 * POST /messages/{id}/await  {timeoutMillis} → message | 408
 * GET  /messages/{id}/receipts        [receipt]
 * POST /messages/{id}/receipts {viewer, type?, t?} → receipt (injected)
 * POST /messages/{id}/receipts {viewers: [phone], type?, t?} → {injected: n} (one receipt per viewer, in order)
 * POST /accounts/{phone}/push-name {name}
 * POST|DELETE /accounts/{phone}/ack-faults {error | drop: true, count?}
 * GET  /accounts/{phone}/devices/{d}/pending  {queued, unacked, stanzas: [{queued, connectionId?, node}]}
 * GET  /media                         {host, caFile, auth, mediaConnQueries}   (MediaRoutes: the media host)
 * GET  /media/uploads                 [{type, token, size, sha256, directPath, downloads, origin?}]
 * POST /media/rotate-auth             {auth}  (the old auth gets 401 from now on)
 * </pre>
 * Keys are hex. Unknown accounts, devices, refs or attempts answer 404; malformed requests 400.
 */
public final class ControlHttpServer implements AutoCloseable {
    private static final Pattern CONNECTION_PATH = Pattern.compile("^/connections/([^/]+)/(stanzas|drop|delay)$");
    private static final Pattern VIRTUAL_COMPANIONS = Pattern.compile("^/accounts/(\\d+)/virtual-companions$");

    private final WaSimulator simulator;
    private final LinkingRoutes linking;
    private final RelayRoutes relay;
    private final MediaRoutes media;
    private final HttpServer server;
    // await-stanza blocks while it waits, so requests get a few threads of their own
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    public ControlHttpServer(WaSimulator simulator, int port) throws IOException {
        this.simulator = simulator;
        this.linking = new LinkingRoutes(simulator);
        this.relay = new RelayRoutes(simulator);
        this.media = new MediaRoutes(simulator);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            try {
                route(exchange, method, path);
            } catch (NoSuchElementException e) {
                reply(exchange, 404, error(e.getMessage()));
            } catch (IllegalArgumentException | JsonException | ClassCastException | NullPointerException e) {
                reply(exchange, 400, error(String.valueOf(e.getMessage())));
            }
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        Matcher connectionPath = CONNECTION_PATH.matcher(path);
        Matcher virtualCompanions = VIRTUAL_COMPANIONS.matcher(path);
        if ("GET".equals(method) && "/info".equals(path)) {
            reply(exchange, 200, Json.createObjectBuilder().add("wsUrl", simulator.wsUrl().toString())
                    .add("rootPublicKey", HexFormat.of().formatHex(simulator.rootPublicKey()))
                    .add("mediaHost", simulator.mediaHostname())
                    .add("mediaCaFile", simulator.mediaCaFile().toString()).build());
        } else if ("POST".equals(method) && "/accounts".equals(path)) {
            Account account = simulator.createAccount(body(exchange).getString("phoneNumber"));
            reply(exchange, 200, Json.createObjectBuilder().add("phoneNumber", account.phoneNumber())
                    .add("lid", account.lidJid(0)).build());
        } else if ("POST".equals(method) && virtualCompanions.matches()) {
            JsonObject request = body(exchange);
            Account account = simulator.account(virtualCompanions.group(1));
            JsonArrayBuilder added = Json.createArrayBuilder();
            simulator.addVirtualCompanions(account.phoneNumber(), request.getInt("count", 1),
                    request.getInt("oneTimeKeys", 30)).forEach(device -> added.add(Json.createObjectBuilder()
                    .add("deviceId", device.deviceId()).add("jid", account.pnJid(device.deviceId()))
                    .add("lid", account.lidJid(device.deviceId()))));
            reply(exchange, 200, Json.createObjectBuilder().add("phoneNumber", account.phoneNumber())
                    .add("lid", account.lidJid(0)).add("devices", added).build());
        } else if ("GET".equals(method) && "/connections".equals(path)) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            simulator.connections().forEach(connection -> list.add(ControlJson.connection(connection)));
            reply(exchange, 200, list.build());
        } else if (connectionPath.matches()) {
            onConnection(exchange, method, connectionPath.group(1), connectionPath.group(2));
        } else if ("POST".equals(method) && "/await-stanza".equals(path)) {
            JsonObject query = body(exchange);
            Optional<SeenStanza> found = simulator.awaitStanza(matcher(query),
                    Duration.ofMillis(query.getJsonNumber("timeoutMillis").longValue()));
            if (found.isPresent()) {
                reply(exchange, 200, ControlJson.stanza(found.get()));
            } else {
                reply(exchange, 408, error("no matching stanza in time"));
            }
        } else if ("POST".equals(method) && "/close-all".equals(path)) {
            simulator.closeAll();
            reply(exchange, 200, Json.createObjectBuilder().build());
        } else if (!linking.route(exchange, method, path) && !relay.route(exchange, method, path)
                && !media.route(exchange, method, path)) {
            reply(exchange, 404, error("no route " + method + " " + path));
        }
    }

    private void onConnection(HttpExchange exchange, String method, String id, String action) throws IOException {
        switch (method + " " + action) {
            case "GET stanzas" -> {
                JsonArrayBuilder list = Json.createArrayBuilder();
                simulator.stanzas(simulator.connection(id).id()).forEach(seen -> list.add(ControlJson.stanza(seen)));
                reply(exchange, 200, list.build());
            }
            case "POST drop" -> {
                simulator.drop(id);
                reply(exchange, 200, Json.createObjectBuilder().build());
            }
            case "POST delay" -> {
                simulator.delayOutbound(id, body(exchange).getJsonNumber("millis").longValue());
                reply(exchange, 200, Json.createObjectBuilder().build());
            }
            default -> reply(exchange, 404, error("no route " + method + " /connections/" + id + "/" + action));
        }
    }

    private static Predicate<SeenStanza> matcher(JsonObject query) {
        String connectionId = query.getString("connectionId", null);
        String direction = query.getString("direction", null);
        String tag = query.getString("tag", null);
        String type = query.getString("type", null);
        String xmlns = query.getString("xmlns", null);
        Direction wanted = direction == null ? null : Direction.valueOf(direction);
        return seen -> (connectionId == null || connectionId.equals(seen.connectionId()))
                && (wanted == null || wanted == seen.direction())
                && (tag == null || tag.equals(seen.node().tag()))
                && (type == null || type.equals(seen.node().attr("type")))
                && (xmlns == null || xmlns.equals(seen.node().attr("xmlns")));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
