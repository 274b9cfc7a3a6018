package app.statustracker.simulator.control;

import static app.statustracker.simulator.control.HttpJson.body;
import static app.statustracker.simulator.control.HttpJson.empty;
import static app.statustracker.simulator.control.HttpJson.error;
import static app.statustracker.simulator.control.HttpJson.reply;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.pairing.LinkRejectedException;
import app.statustracker.simulator.pairing.PairingAttempt;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.RegisteredDevice;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Control routes of the simulated phones: linking (QR scan, typed code), pairing attempts, and the
 * devices of an account with their keys, unlink and duplicate-login kicks. See {@link ControlHttpServer}.
 */
final class LinkingRoutes {
    private static final Pattern ACCOUNT = Pattern.compile("^/accounts/(\\d+)(/scan-qr|/pairing-code)?$");
    private static final Pattern DEVICE = Pattern.compile("^/accounts/(\\d+)/devices/(\\d+)/(prekeys|unlink|kick)$");
    private static final Pattern PAIRING = Pattern.compile("^/pairings/([^/]+)(/await)?$");

    private final WaSimulator simulator;

    LinkingRoutes(WaSimulator simulator) {
        this.simulator = simulator;
    }

    /** Answers the request and returns true, or returns false when the path is not one of these routes. */
    boolean route(HttpExchange exchange, String method, String path) throws IOException {
        Matcher account = ACCOUNT.matcher(path);
        Matcher device = DEVICE.matcher(path);
        Matcher pairing = PAIRING.matcher(path);
        if (account.matches()) {
            onAccount(exchange, method, account.group(1), Optional.ofNullable(account.group(2)).orElse(""));
        } else if (device.matches()) {
            onDevice(exchange, method, simulator.account(device.group(1)), Integer.parseInt(device.group(2)),
                    device.group(3));
        } else if ("GET".equals(method) && "/pairings".equals(path)) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            simulator.pairingAttempts().forEach(attempt -> list.add(ControlJson.attempt(attempt)));
            reply(exchange, 200, list.build());
        } else if (pairing.matches()) {
            onPairing(exchange, method, simulator.pairingAttempt(pairing.group(1)), pairing.group(2) != null);
        } else {
            return false;
        }
        return true;
    }

    private void onAccount(HttpExchange exchange, String method, String phone, String action) throws IOException {
        switch (method + " " + action) {
            case "GET " -> reply(exchange, 200, ControlJson.account(simulator.account(phone), simulator));
            case "POST /scan-qr" -> reply(exchange, 200,
                    ControlJson.attempt(simulator.scanQr(phone, body(exchange).getString("qr"))));
            case "POST /pairing-code" -> reply(exchange, 200,
                    ControlJson.attempt(simulator.enterPairingCode(phone, body(exchange).getString("code"))));
            default -> reply(exchange, 404, error("no route " + method + " /accounts/" + phone + action));
        }
    }

    private void onDevice(HttpExchange exchange, String method, Account account, int deviceId, String action)
            throws IOException {
        switch (method + " " + action) {
            case "GET prekeys" -> {
                RegisteredDevice device = account.device(deviceId)
                        .orElseThrow(() -> new NoSuchElementException("no device " + deviceId));
                reply(exchange, 200, ControlJson.preKeys(device));
            }
            case "POST unlink" -> {
                simulator.unlink(account.phoneNumber(), deviceId);
                reply(exchange, 200, empty());
            }
            case "POST kick" -> {
                String kicked = simulator.kickDuplicate(account.phoneNumber(), deviceId)
                        .orElseThrow(() -> new NoSuchElementException("device " + deviceId + " is not online"));
                reply(exchange, 200, Json.createObjectBuilder().add("connectionId", kicked).build());
            }
            default -> reply(exchange, 404, error("no route " + method + " " + action));
        }
    }

    private void onPairing(HttpExchange exchange, String method, PairingAttempt attempt, boolean await)
            throws IOException {
        if ("GET".equals(method) && !await) {
            reply(exchange, 200, ControlJson.attempt(attempt));
        } else if ("POST".equals(method) && await) {
            long millis = body(exchange).getJsonNumber("timeoutMillis").longValue();
            try {
                attempt.await(Duration.ofMillis(millis));
            } catch (LinkRejectedException e) {
                // the attempt's JSON carries the state and the reason
            } catch (TimeoutException e) {
                reply(exchange, 408, ControlJson.attempt(attempt));
                return;
            }
            reply(exchange, 200, ControlJson.attempt(attempt));
        } else {
            reply(exchange, 404, error("no route " + method + " /pairings/" + attempt.id()));
        }
    }
}
