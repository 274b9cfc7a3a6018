package app.statustracker.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What the application server gives the repositories, without the server: pooled connections, and one transaction
 * per checkout. The repositories are {@code @Transactional} per call and close their connection at the end of it,
 * so here a checkout starts a transaction (auto-commit off) and {@code close()} commits it — or rolls it back if a
 * statement failed — and returns the connection to the pool. Without the pool every call would pay for a new
 * PostgreSQL connection; without the transaction a JDBC batch of 1,000 upserts would be 1,000 commits.
 */
final class TransactionPerCheckoutDataSource implements DataSource {
    private final DataSource target;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    TransactionPerCheckoutDataSource(DataSource target) {
        this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical = idle.poll();
        if (physical == null || physical.isClosed()) {
            physical = target.getConnection();
        }
        physical.setAutoCommit(false);
        return checkedOut(physical);
    }

    private Connection checkedOut(Connection physical) {
        boolean[] state = new boolean[2]; // [0] closed, [1] a statement failed
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!state[0]) {
                                state[0] = true;
                                if (state[1]) {
                                    physical.rollback();
                                } else {
                                    physical.commit();
                                }
                                idle.add(physical);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return state[0];
                        }
                        default -> {
                            if (state[0]) {
                                throw new SQLException("connection already closed");
                            }
                            try {
                                return method.invoke(physical, args);
                            } catch (InvocationTargetException e) {
                                state[1] = true;
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    /** Closes the pooled connections. */
    void closeAll() throws SQLException {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            c.close();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("one user per pool");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
