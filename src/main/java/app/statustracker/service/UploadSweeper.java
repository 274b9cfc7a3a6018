package app.statustracker.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes uploads nobody used within UPLOAD_TTL_HOURS: at start (a service that was down for a day owes that
 * sweep) and every few minutes after, so an upload outlives its time by minutes at most.
 */
@Singleton
@Startup
public class UploadSweeper {
    private static final Logger LOG = Logger.getLogger(UploadSweeper.class.getName());
    static final long PERIOD_SECONDS = 300;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    UploadService uploads;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::sweep, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void sweep() {
        try {
            int removed = uploads.sweep();
            if (removed > 0) {
                LOG.info("Removed " + removed + " unused upload(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping old uploads failed; trying again in " + PERIOD_SECONDS + " s", e);
        }
    }
}
