package app.statustracker.wa.transport;

import app.statustracker.wa.binary.Node;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@code <iq to="@s.whatsapp.net" type="get" xmlns="w:p"><ping/></iq>} every interval (Baileys'
 * form, docs/protocol.md, Login) and declares the connection dead when, after a ping, nothing at all arrived
 * within the keep-alive timeout. Like Baileys, any inbound frame counts as a sign of life, so a slow ping
 * answer on a busy connection is not fatal.
 */
final class KeepAlive {
    private final WaConnection connection;
    private final TransportOptions options;
    private ScheduledFuture<?> ticks;
    private boolean stopped;

    KeepAlive(WaConnection connection, TransportOptions options) {
        this.connection = connection;
        this.options = options;
    }

    static Node ping(String id) {
        return Node.builder("iq").attr("id", id).attr("to", "@s.whatsapp.net").attr("type", "get")
                .attr("xmlns", "w:p").children(Node.of("ping")).build();
    }

    synchronized void start(ScheduledExecutorService scheduler) {
        if (stopped) {
            return; // the connection closed while the handshake was finishing
        }
        long interval = options.keepAliveInterval().toNanos();
        ticks = scheduler.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.NANOSECONDS);
    }

    synchronized void stop() {
        stopped = true;
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    private void tick() {
        if (!connection.isOpen()) {
            return;
        }
        long sentAt = System.nanoTime();
        connection.sendIq(ping(connection.newIqId()), options.keepAliveTimeout()).whenComplete((answer, failure) -> {
            if (failure instanceof IqTimeoutException && connection.lastReceivedNanos() - sentAt < 0) {
                connection.closeWith(CloseReason.of(CloseReason.Kind.KEEPALIVE_TIMEOUT, "no answer to ping and no "
                        + "other traffic within " + options.keepAliveTimeout().toMillis() + " ms"));
            }
        });
    }
}
