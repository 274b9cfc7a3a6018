package app.statustracker.service;

import app.statustracker.config.InvalidSettingException;
import app.statustracker.config.StatusSettings;
import app.statustracker.domain.Status;
import app.statustracker.persistence.StatusRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * At start-up: a status still {@code sending} was in flight when the server stopped, and no ack for it can
 * arrive any more (the connection it went out on is gone), so it is marked failed with that reason. Also checks
 * the status settings, so a bad value stops the deployment with its one line.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class InterruptedPostsRecovery {
    private static final Logger LOG = Logger.getLogger(InterruptedPostsRecovery.class.getName());
    static final String REASON = "interrupted: the server stopped before WhatsApp acked the status";

    @Inject
    StatusRepository statuses;
    @Inject
    jakarta.enterprise.inject.Instance<StatusSettings> settings;

    @PostConstruct
    void recover() {
        try {
            settings.get().receiptFlushInterval();
        } catch (InvalidSettingException e) {
            LOG.severe(e.getMessage());
            throw e;
        }
        List<Status> failed = statuses.failInterrupted(OffsetDateTime.now(ZoneOffset.UTC), REASON);
        if (!failed.isEmpty()) {
            LOG.warning(failed.size() + " status(es) were being sent when the server stopped; marked failed");
        }
    }
}
