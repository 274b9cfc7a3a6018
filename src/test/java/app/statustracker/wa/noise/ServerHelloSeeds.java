package app.statustracker.wa.noise;

import app.statustracker.simulator.noise.CertificateChainGenerator;
import app.statustracker.simulator.noise.NoiseResponder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Writes the seed corpus of {@link ServerHelloFuzzTest#randomBytes}: a ServerHello the fixed client keys
 * accept, and cut-down variants of it. Run by hand when the fixed keys change:
 * {@code java -cp target/test-classes:target/classes:<protobuf, bcprov> app.statustracker.wa.noise.ServerHelloSeeds
 * src/test/resources/app/statustracker/wa/noise/ServerHelloFuzzTestInputs/randomBytes}.
 */
final class ServerHelloSeeds {
    private ServerHelloSeeds() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        byte[] chain = new CertificateChainGenerator(ServerHelloFuzzTest.ROOT, ServerHelloFuzzTest.SERVER_STATIC.publicKey())
                .intermediateKeyPair(ServerHelloFuzzTest.fixedKeyPair(0x66))
                .validity(Duration.ofHours(1), Duration.ofDays(3650), Duration.ofDays(3650))
                .generate();
        NoiseClientHandshake client = new NoiseClientHandshake(ServerHelloFuzzTest.CLIENT_STATIC,
                ServerHelloFuzzTest.CLIENT_EPHEMERAL, null);
        byte[] hello = new NoiseResponder(ServerHelloFuzzTest.SERVER_STATIC, ServerHelloFuzzTest.SERVER_EPHEMERAL, chain)
                .onClientHello(client.clientHello());
        Files.write(dir.resolve("valid-server-hello"), hello);
        Files.write(dir.resolve("truncated-server-hello"), Arrays.copyOf(hello, hello.length / 2));
        Files.write(dir.resolve("ephemeral-only"), Arrays.copyOf(hello, 36));
    }
}
