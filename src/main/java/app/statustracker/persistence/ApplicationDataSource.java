package app.statustracker.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The service's data source for injection ({@code @Inject DataSource}), looked up once at start-up. Beans that
 * looked it up themselves did so when first used, on whatever thread that was: WildFly resolves {@code java:app}
 * only on threads that carry the application's context, which its health checks and our pool threads do not.
 */
@ApplicationScoped
public class ApplicationDataSource {
    @Resource(lookup = "java:app/jdbc/statusTracker")
    DataSource dataSource;

    /* created with the application, on a thread of the deployment */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        dataSource.getClass(); // touches the bean so the container creates it now
    }

    @Produces
    @Dependent
    DataSource dataSource() {
        return dataSource;
    }
}
