package app.statustracker.simulator.relay;

import app.statustracker.simulator.delivery.Deliveries;
import app.statustracker.simulator.state.Accounts;

/**
 * What the message, receipt and ack handlers share: who exists, what is owed to whom, what was relayed,
 * and the switches tests set.
 */
public record Relay(Accounts accounts, Deliveries deliveries, MessageLog log, RelaySettings settings) {
}
