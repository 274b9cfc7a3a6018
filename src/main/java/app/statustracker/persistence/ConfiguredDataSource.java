package app.statustracker.persistence;

import app.statustracker.config.ConfigLookup;
import app.statustracker.config.InvalidSettingException;
import app.statustracker.config.Settings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source class named in {@code @DataSourceDefinition}. An annotation can name one class only, but
 * DB_URL chooses the database at start-up, so this class picks PostgreSQL or embedded H2 from the URL and
 * lets the server's pool do the pooling. The annotation names no URL, user or password: unless a server sets
 * them, they come from the service's own settings (environment, {@code .env}, system properties, as the launcher
 * reads them), so the definition needs no server-specific expression and the H2 default can follow DATA_DIR.
 */
public class ConfiguredDataSource implements DataSource {
    private String url;
    private String user;
    private String password;
    private String settingsSource = "service";
    private volatile DataSource delegate;
    private int loginTimeout;

    /**
     * Where URL, user and password come from when the server sets none: only {@code service} (the service's own
     * settings). The definition names it because WildFly's pool refuses a data source class without at least one
     * connection property.
     */
    public void setSettingsSource(String source) {
        if (!"service".equals(source)) {
            throw new IllegalArgumentException("settingsSource must be 'service', was '" + source + "'");
        }
        this.settingsSource = source;
    }

    public String getSettingsSource() {
        return settingsSource;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void setURL(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    private DataSource delegate() throws SQLException {
        DataSource ds = delegate;
        if (ds == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create();
                }
                ds = delegate;
            }
        }
        return ds;
    }

    private DataSource create() throws SQLException {
        if (url == null || url.isBlank()) {
            fromSettings();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(url);
            if (user != null && !user.isBlank()) {
                pg.setUser(user);
            }
            if (password != null && !password.isEmpty()) {
                pg.setPassword(password);
            }
            pg.setConnectTimeout(10);
            return pg;
        }
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user == null ? "sa" : user);
            h2.setPassword(password == null ? "" : password);
            return h2;
        }
        throw new SQLException("unsupported database URL; DB_URL must start with jdbc:postgresql: or jdbc:h2:");
    }

    private void fromSettings() throws SQLException {
        Settings settings;
        try {
            settings = ConfigLookup.currentSettings();
        } catch (InvalidSettingException e) {
            throw new SQLException(e.getMessage(), e); // the start-up check has reported it in one line already
        }
        url = settings.dbUrl();
        user = settings.dbUser();
        password = settings.dbPassword();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        if (username == null || username.isEmpty()) {
            // WildFly's pool asks this way, with an empty user, even when it has none of its own: ours then
            return delegate().getConnection();
        }
        return delegate().getConnection(username, pass);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the server's pool logs
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
