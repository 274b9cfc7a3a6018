package app.statustracker.simulator.pairing;

import app.statustracker.simulator.state.RegisteredDevice;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One try of the simulated phone to link a companion, by QR scan or by typed code. It ends LINKED (the
 * companion's pair-device-sign verified, 515 sent) or REJECTED with the reason of the check that failed.
 */
public final class PairingAttempt {
    public enum Method { QR, CODE }

    public enum State {
        /** Code typed, primary_hello sent; waiting for the companion's companion_finish. */
        AWAITING_FINISH,
        /** pair-success sent; waiting for pair-device-sign. */
        AWAITING_SIGN,
        LINKED,
        REJECTED
    }

    private final String id;
    private final Method method;
    private final String phoneNumber;
    private final String connectionId;
    private final CompletableFuture<RegisteredDevice> outcome = new CompletableFuture<>();
    private volatile State state;
    private volatile int deviceId;
    private volatile String rejection;

    PairingAttempt(String id, Method method, String phoneNumber, String connectionId, State initial) {
        this.id = id;
        this.method = method;
        this.phoneNumber = phoneNumber;
        this.connectionId = connectionId;
        this.state = initial;
    }

    void awaitingSign(int device) {
        deviceId = device;
        state = State.AWAITING_SIGN;
    }

    void linked(RegisteredDevice device) {
        state = State.LINKED;
        outcome.complete(device);
    }

    void rejected(String reason) {
        if (state == State.LINKED || state == State.REJECTED) {
            return;
        }
        rejection = reason;
        state = State.REJECTED;
        System.err.println("[simulator] pairing " + id + " rejected: " + reason);
        outcome.completeExceptionally(new LinkRejectedException(reason));
    }

    /** The linked device, once the link completed. */
    public RegisteredDevice await(Duration timeout) throws LinkRejectedException, TimeoutException {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (LinkRejectedException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
    }

    public boolean isDone() {
        return state == State.LINKED || state == State.REJECTED;
    }

    public String id() {
        return id;
    }

    public Method method() {
        return method;
    }

    public String phoneNumber() {
        return phoneNumber;
    }

    public String connectionId() {
        return connectionId;
    }

    public State state() {
        return state;
    }

    /** The device id given in pair-success (0 before that). */
    public int deviceId() {
        return deviceId;
    }

    public Optional<String> rejection() {
        return Optional.ofNullable(rejection);
    }
}
