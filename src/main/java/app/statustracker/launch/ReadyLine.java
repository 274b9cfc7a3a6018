package app.statustracker.launch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Prints one line once the server answers its readiness check on loopback, so that a quiet start (Payara's own
 * banner and URL listing are below the logging level of {@code server-config/logging.properties}) still says when
 * the service can be used. Asks nothing but the child process it started.
 */
final class ReadyLine {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    private ReadyLine() {
    }

    static void watch(int port, Process server) {
        long started = System.nanoTime();
        Thread watcher = new Thread(() -> {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            while (server.isAlive() && System.nanoTime() - started < GIVE_UP.toNanos()) {
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        System.out.printf("Status Tracker is ready on http://localhost:%d/ (started in %.1f s)%n", port,
                                (System.nanoTime() - started) / 1e9);
                        return;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "ready-line");
        watcher.setDaemon(true);
        watcher.start();
    }
}
