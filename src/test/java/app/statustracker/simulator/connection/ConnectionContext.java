package app.statustracker.simulator.connection;

import app.statustracker.simulator.handler.StanzaDispatcher;
import app.statustracker.simulator.journal.StanzaJournal;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every connection of one simulator shares.
 *
 * @param journal          where stanzas are recorded
 * @param dispatcher       the stanza handlers
 * @param outbound         the one thread that writes to sockets, in order, after any configured delay
 * @param serverStatic     the Noise static key the leaf certificate certifies
 * @param certificateChain the serialized chain the ServerHello carries
 * @param changed          told when a connection's stage changes, for tests waiting on connections
 */
public record ConnectionContext(StanzaJournal journal, StanzaDispatcher dispatcher, ScheduledExecutorService outbound,
                                Curve25519KeyPair serverStatic, byte[] certificateChain, Runnable changed) {
}
