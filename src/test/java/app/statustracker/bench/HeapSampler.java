package app.statustracker.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Heap used by another JVM (the server), sampled every 50 ms by the JDK's {@code jstat -gc}: survivor + eden + old
 * used, in KB. The first sample is the baseline; afterwards each sample counts towards the peak of the phase that
 * is current ({@link #phase}). "Used" between collections includes garbage not yet collected, so a peak here is an
 * upper bound of what a phase keeps live; {@link GcLog} gives the after-collection figures beside it.
 */
final class HeapSampler implements AutoCloseable {
    private final Process jstat;
    private final CountDownLatch firstSample = new CountDownLatch(1);
    private final Map<String, Long> peakKb = new LinkedHashMap<>();
    private volatile String phase = "baseline";
    private volatile long baselineKb = -1;
    private volatile int samples;

    HeapSampler(long pid) throws Exception {
        jstat = new ProcessBuilder(List.of("jstat", "-gc", Long.toString(pid), "50")).redirectErrorStream(true).start();
        Thread reader = new Thread(this::read, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
        if (!firstSample.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("jstat gave no sample of process " + pid);
        }
    }

    long baselineKb() {
        return baselineKb;
    }

    int samples() {
        return samples;
    }

    /** From now on samples count for {@code name}. */
    void phase(String name) {
        phase = name;
    }

    synchronized long peakKb(String name) {
        return peakKb.getOrDefault(name, -1L);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> header = null;
            String line;
            while ((line = lines.readLine()) != null) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length > 0 && cells[0].equals("S0C")) {
                    header = Arrays.asList(cells);
                    continue;
                }
                if (header == null || cells.length != header.size()) {
                    continue; // jstat repeats nothing else; a stray message is not a sample
                }
                double used = 0;
                for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                    used += Double.parseDouble(cells[header.indexOf(column)]);
                }
                record((long) used);
            }
        } catch (Exception e) {
            System.err.println("[heap] jstat reader stopped: " + e);
        }
    }

    private synchronized void record(long usedKb) {
        samples++;
        if (baselineKb < 0) {
            baselineKb = usedKb;
            firstSample.countDown();
            return;
        }
        peakKb.merge(phase, usedKb, Math::max);
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
