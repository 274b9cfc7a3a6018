package app.statustracker.wa.client;

import app.statustracker.wa.noise.CertificateChainVerifier;
import app.statustracker.wa.proto.ClientPayloadProtos.DeviceProps;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What every {@link WaClient} of one deployment shares. The defaults match a Chrome-on-macOS companion and
 * WhatsApp's own timing; tests shrink the QR lifetimes and point endpoint and verifier at the simulator.
 *
 * @param endpoint           WebSocket URL of the chat server
 * @param verifier           checks the server's certificate chain
 * @param version            the WhatsApp Web version we claim
 * @param browser            browser name shown in "Linked devices" ("Chrome")
 * @param os                 operating system shown there ("Mac OS")
 * @param platformId         CompanionWebClientType for the QR string and companion_hello ("1" = Chrome)
 * @param platformType       DeviceProps.platformType in the registration payload
 * @param qrFirstRefLifetime how long the first QR ref is shown (60 s)
 * @param qrNextRefLifetime  how long each later ref is shown (20 s)
 * @param minPreKeyCount     below this many pre-keys on the server we upload more (Baileys/whatsmeow: 5)
 * @param initialPreKeyBatch how many to upload when the server holds none (812)
 * @param refillPreKeyBatch  how many to upload when it holds a few (whatsmeow: 50)
 * @param statusAckTimeout   how long a posted status may wait for the server's ack before it counts as failed
 *                           (docs/protocol.md, Status stanza: ~20 s)
 * @param media              how image and video statuses reach WhatsApp's media hosts
 * @param deviceListLifetime how long a contact's device list from usync is used before we ask again, unless a
 *                           devices notification says it changed (Baileys: 5 minutes; zero: ask on every post)
 * @param signalThreads      how many threads may compute the Signal sessions a post starts side by side, the
 *                           device's own Signal queue included (default: one per processor; 1: that queue alone)
 */
public record ClientConfig(URI endpoint, CertificateChainVerifier verifier, ClientVersion version, String browser,
                           String os, String platformId, DeviceProps.PlatformType platformType,
                           Duration qrFirstRefLifetime, Duration qrNextRefLifetime, int minPreKeyCount,
                           int initialPreKeyBatch, int refillPreKeyBatch, Duration statusAckTimeout,
                           MediaTransfer media, Duration deviceListLifetime, int signalThreads) {

    public static final ClientVersion DEFAULT_VERSION = ClientVersion.parse("2.3000.1045649367");

    public ClientConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(platformType, "platformType");
        if (qrFirstRefLifetime.isNegative() || qrFirstRefLifetime.isZero()
                || qrNextRefLifetime.isNegative() || qrNextRefLifetime.isZero()) {
            throw new IllegalArgumentException("QR ref lifetimes must be positive");
        }
        if (minPreKeyCount < 0 || initialPreKeyBatch < 1 || refillPreKeyBatch < 1) {
            throw new IllegalArgumentException("pre-key counts must be positive");
        }
        Objects.requireNonNull(statusAckTimeout, "statusAckTimeout");
        if (statusAckTimeout.isNegative() || statusAckTimeout.isZero()) {
            throw new IllegalArgumentException("status ack timeout must be positive");
        }
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(deviceListLifetime, "deviceListLifetime");
        if (deviceListLifetime.isNegative()) {
            throw new IllegalArgumentException("device list lifetime must not be negative");
        }
        if (signalThreads < 1) {
            throw new IllegalArgumentException("signal threads must be at least 1");
        }
    }

    public static ClientConfig defaults(URI endpoint, CertificateChainVerifier verifier) {
        return new ClientConfig(endpoint, verifier, DEFAULT_VERSION, "Chrome", "Mac OS", "1",
                DeviceProps.PlatformType.CHROME, Duration.ofSeconds(60), Duration.ofSeconds(20), 5, 812, 50,
                Duration.ofSeconds(20), MediaTransfer.defaults(), Duration.ofMinutes(5),
                Runtime.getRuntime().availableProcessors());
    }

    /** WhatsApp itself with its own root key. */
    public static ClientConfig whatsApp() {
        return defaults(URI.create("wss://web.whatsapp.com/ws/chat"), CertificateChainVerifier.whatsApp());
    }

    public ClientConfig withVersion(ClientVersion newVersion) {
        return new ClientConfig(endpoint, verifier, newVersion, browser, os, platformId, platformType,
                qrFirstRefLifetime, qrNextRefLifetime, minPreKeyCount, initialPreKeyBatch, refillPreKeyBatch,
                statusAckTimeout, media, deviceListLifetime, signalThreads);
    }

    public ClientConfig withQrLifetimes(Duration first, Duration next) {
        return new ClientConfig(endpoint, verifier, version, browser, os, platformId, platformType, first, next,
                minPreKeyCount, initialPreKeyBatch, refillPreKeyBatch, statusAckTimeout, media,
                deviceListLifetime, signalThreads);
    }

    public ClientConfig withPreKeyBatches(int minCount, int initialBatch, int refillBatch) {
        return new ClientConfig(endpoint, verifier, version, browser, os, platformId, platformType,
                qrFirstRefLifetime, qrNextRefLifetime, minCount, initialBatch, refillBatch, statusAckTimeout, media,
                deviceListLifetime, signalThreads);
    }

    public ClientConfig withStatusAckTimeout(Duration timeout) {
        return new ClientConfig(endpoint, verifier, version, browser, os, platformId, platformType,
                qrFirstRefLifetime, qrNextRefLifetime, minPreKeyCount, initialPreKeyBatch, refillPreKeyBatch, timeout,
                media, deviceListLifetime, signalThreads);
    }

    public ClientConfig withMedia(MediaTransfer transfer) {
        return new ClientConfig(endpoint, verifier, version, browser, os, platformId, platformType,
                qrFirstRefLifetime, qrNextRefLifetime, minPreKeyCount, initialPreKeyBatch, refillPreKeyBatch,
                statusAckTimeout, transfer, deviceListLifetime, signalThreads);
    }

    public ClientConfig withDeviceListLifetime(Duration lifetime) {
        return new ClientConfig(endpoint, verifier, version, browser, os, platformId, platformType,
                qrFirstRefLifetime, qrNextRefLifetime, minPreKeyCount, initialPreKeyBatch, refillPreKeyBatch,
                statusAckTimeout, media, lifetime, signalThreads);
    }

    public ClientConfig withSignalThreads(int threads) {
        return new ClientConfig(endpoint, verifier, version, browser, os, platformId, platformType,
                qrFirstRefLifetime, qrNextRefLifetime, minPreKeyCount, initialPreKeyBatch, refillPreKeyBatch,
                statusAckTimeout, media, deviceListLifetime, threads);
    }

    /** "Chrome (Mac OS)": the companion_platform_display format the server validates (docs/protocol.md, Pairing). */
    public String platformDisplay() {
        return browser + " (" + os + ")";
    }
}
