package app.statustracker.service;

import app.statustracker.config.Settings;
import app.statustracker.domain.LinkState;
import app.statustracker.persistence.StorageQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures about the service itself: health, aggregate stats and storage, all read from the database. */
@ApplicationScoped
public class SystemService {
    @Inject
    UploadService uploads;
    public static final String VERSION = "2.0.0";

    @PersistenceContext(unitName = "statusTracker")
    EntityManager em;

    @Inject
    Settings settings;

    public record Health(String status, String version, String database, long databaseLatencyMs,
                         long uptimeSeconds, long sessions, OffsetDateTime time) {
    }

    public record SessionCounts(long total, Map<String, Long> byState) {
    }

    public record Counts(long total, long last24h) {
    }

    public record Stats(SessionCounts sessions, Counts statuses, Counts viewers, Counts deliveries,
                        OffsetDateTime since) {
    }

    public record SessionStorage(String sessionId, Map<String, Long> tables, long totalBytes) {
    }

    /** @param uploads media files waiting under DATA_DIR/uploads, counted apart from the database */
    public record Storage(String database, String method, List<SessionStorage> sessions, long totalBytes,
                          Long databaseSizeBytes, UploadService.UploadsStorage uploads) {
    }

    public Health health() {
        long start = System.nanoTime();
        long sessions = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM sessions").getSingleResult()).longValue();
        long latency = (System.nanoTime() - start) / 1_000_000;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        return new Health("ok", VERSION, settings.usesPostgres() ? "postgresql" : "h2", latency, uptime, sessions,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    public Stats stats() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var since = now.minusHours(24).toLocalDateTime();
        Map<String, Long> byState = new LinkedHashMap<>();
        for (LinkState s : LinkState.values()) {
            byState.put(s.wire(), 0L);
        }
        long totalSessions = 0;
        for (Object row : em.createNativeQuery("SELECT state, COUNT(*) FROM sessions GROUP BY state").getResultList()) {
            Object[] cols = (Object[]) row;
            long n = ((Number) cols[1]).longValue();
            byState.merge(LinkState.valueOf((String) cols[0]).wire(), n, Long::sum);
            totalSessions += n;
        }
        return new Stats(new SessionCounts(totalSessions, byState),
                counts("SELECT COUNT(*) FROM statuses", "created_at", since),
                counts("SELECT COUNT(*) FROM status_viewers WHERE viewed_at IS NOT NULL", "viewed_at", since),
                counts("SELECT COUNT(*) FROM status_viewers WHERE delivered_at IS NOT NULL", "delivered_at", since),
                now.minusHours(24));
    }

    private Counts counts(String countSql, String timeColumn, java.time.LocalDateTime since) {
        long total = ((Number) em.createNativeQuery(countSql).getSingleResult()).longValue();
        String recent = countSql + (countSql.contains(" WHERE ") ? " AND " : " WHERE ") + timeColumn + " >= ?1";
        long last24h = ((Number) em.createNativeQuery(recent).setParameter(1, since).getSingleResult()).longValue();
        return new Counts(total, last24h);
    }

    public Storage storage() {
        StorageQueries queries = new StorageQueries(settings.usesPostgres());
        List<String> tables = queries.tables();
        List<SessionStorage> sessions = new ArrayList<>();
        long total = 0;
        for (Object row : em.createNativeQuery(queries.perSessionSql()).getResultList()) {
            Object[] cols = (Object[]) row;
            Map<String, Long> perTable = new LinkedHashMap<>();
            long sessionTotal = 0;
            for (int i = 0; i < tables.size(); i++) {
                long bytes = cols[i + 1] == null ? 0 : ((Number) cols[i + 1]).longValue();
                perTable.put(tables.get(i), bytes);
                sessionTotal += bytes;
            }
            sessions.add(new SessionStorage((String) cols[0], perTable, sessionTotal));
            total += sessionTotal;
        }
        Long dbSize = settings.usesPostgres()
                ? ((Number) em.createNativeQuery("SELECT pg_database_size(current_database())").getSingleResult()).longValue()
                : null;
        return new Storage(settings.usesPostgres() ? "postgresql" : "h2", queries.method(), sessions, total, dbSize,
                uploads.storage());
    }
}
