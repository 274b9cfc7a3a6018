package app.statustracker.persistence;

import app.statustracker.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings the schema up to date with Flyway before anything else uses the database. Flyway commits its own
 * work, hence bean-managed transactions.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/statusTracker",
        className = "app.statustracker.persistence.ConfiguredDataSource",
        properties = "settingsSource=service",
        minPoolSize = 2,
        maxPoolSize = 32)
@Singleton
@Startup
@DependsOn("StartupCheck")
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {
    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "java:app/jdbc/statusTracker")
    DataSource dataSource;

    @Inject
    Settings settings;

    @PostConstruct
    void migrate() {
        FluentConfiguration config = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true);
        JdbcUrls.postgresSchema(settings.dbUrl()).ifPresent(schema -> config.schemas(schema).createSchemas(true));
        var result = config.load().migrate();
        LOG.info("Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now) on " + (settings.usesPostgres() ? "PostgreSQL" : "H2"));
    }
}
