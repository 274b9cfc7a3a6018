package app.statustracker.persistence;

import app.statustracker.service.status.ReceiptBatcher;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@link ViewerReceiptWriter} without the container, for benchmarks: each batch in one transaction on a connection
 * of a plain DataSource — what {@code @Transactional write(Map)} does on the server's JTA data source.
 */
public final class PlainJdbcReceiptWriter implements ReceiptBatcher.Writer {
    private final DataSource dataSource;

    public PlainJdbcReceiptWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public ReceiptBatchResult write(Map<String, List<ViewerReceipt>> bySession) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                ReceiptBatchResult result = ViewerReceiptWriter.write(c, bySession);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording a batch of receipts failed", e);
        }
    }
}
