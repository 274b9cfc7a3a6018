package app.statustracker.wa.client;

/**
 * Receives a client's events on transport threads, one at a time per connection. It must not block: hand
 * slow work (database writes, reconnect delays) to an executor.
 */
@FunctionalInterface
public interface ClientListener {
    void onEvent(ClientEvent event);
}
