package app.statustracker.api.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the per-client token buckets live. In-memory on one server; a cluster puts the same Bucket4j
 * buckets into its data grid (a Bucket4j {@code ProxyManager}) behind this interface.
 */
public interface RateLimitBuckets {
    /** Takes one token for {@code clientKey}; the probe says whether it was granted and what remains. */
    ConsumptionProbe tryConsume(String clientKey);

    long capacity();

    long windowSeconds();
}
