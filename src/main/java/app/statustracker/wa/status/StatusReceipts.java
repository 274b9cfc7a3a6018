package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the receipts the server pushes for our statuses (docs/protocol.md, Receipts), in both shapes:
 * <ul>
 *   <li>A, per viewer: {@code <receipt from="status@broadcast" participant id t [type] [participant_pn]>
 *       [<list><item id/>…</list>]} — one receipt per id;</li>
 *   <li>B, aggregated: {@code <receipt from="status@broadcast" id t [type]><participants message_id|key>
 *       <user jid t type participant_pn/>…</participants></receipt>} — one receipt per user; the message id is
 *       {@code message_id}, else {@code key}, else the stanza id; a user's missing type or t falls back to the
 *       stanza's (whatsapp-rust parse_participants, which mirrors WA Web).</li>
 * </ul>
 * Types: none, {@code delivery} and {@code inactive} are deliveries; {@code read}, {@code read-self} views;
 * {@code played}, {@code played-self} plays. Anything else ({@code retry}, {@code sender}, {@code server-error} …)
 * is no viewer receipt and yields nothing.
 */
public final class StatusReceipts {
    private StatusReceipts() {
    }

    /** True for a {@code <receipt>} about a status: it comes from {@code status@broadcast}. */
    public static boolean isStatusReceipt(Node node) {
        return "receipt".equals(node.tag()) && Jid.STATUS_BROADCAST.toString().equals(node.attr("from"));
    }

    /** The viewer receipts in a status receipt stanza; empty when it carries none (or is not well-formed). */
    public static List<StatusReceipt> parse(Node receipt, Clock clock) {
        String stanzaType = receipt.attr("type");
        Instant stanzaTime = time(receipt.attr("t")).orElseGet(clock::instant);
        List<Node> aggregated = receipt.children("participants");
        List<StatusReceipt> receipts = new ArrayList<>();
        if (!aggregated.isEmpty()) {
            for (Node participants : aggregated) {
                String messageId = Optional.ofNullable(participants.attr("message_id"))
                        .or(() -> Optional.ofNullable(participants.attr("key")))
                        .orElse(receipt.attr("id"));
                for (Node user : participants.children("user")) {
                    String type = user.attr("type") != null ? user.attr("type") : stanzaType;
                    Optional<StatusReceipt.Kind> kind = kindOf(type);
                    Optional<Jid> viewer = userJid(user.attr("jid"));
                    if (messageId == null || kind.isEmpty() || viewer.isEmpty()) {
                        continue;
                    }
                    Instant at = time(user.attr("t")).orElse(stanzaTime);
                    receipts.add(new StatusReceipt(messageId, viewer.get(), userJid(user.attr("participant_pn")),
                            kind.get(), at));
                }
            }
            return receipts;
        }
        Optional<StatusReceipt.Kind> kind = kindOf(stanzaType);
        Optional<Jid> viewer = userJid(receipt.attr("participant"));
        if (kind.isEmpty() || viewer.isEmpty()) {
            return receipts;
        }
        Optional<Jid> phoneNumber = userJid(receipt.attr("participant_pn"))
                .or(() -> userJid(receipt.attr("peer_participant_pn")));
        List<String> ids = new ArrayList<>();
        if (receipt.attr("id") != null) {
            ids.add(receipt.attr("id"));
        }
        receipt.child("list").ifPresent(list -> list.children("item").stream()
                .map(item -> item.attr("id")).filter(id -> id != null && !ids.contains(id)).forEach(ids::add));
        for (String id : ids) {
            receipts.add(new StatusReceipt(id, viewer.get(), phoneNumber, kind.get(), stanzaTime));
        }
        return receipts;
    }

    static Optional<StatusReceipt.Kind> kindOf(String type) {
        if (type == null) {
            return Optional.of(StatusReceipt.Kind.DELIVERY);
        }
        return switch (type) {
            // inactive: the viewer's client was not "online" when the status arrived — still only a delivery
            case "", "delivery", "inactive" -> Optional.of(StatusReceipt.Kind.DELIVERY);
            case "read", "read-self" -> Optional.of(StatusReceipt.Kind.READ);
            case "played", "played-self" -> Optional.of(StatusReceipt.Kind.PLAYED);
            default -> Optional.empty();
        };
    }

    private static Optional<Jid> userJid(String text) {
        return Jid.tryParse(text).filter(jid -> jid.isLid() || jid.isPhoneNumber()).map(Jid::withoutDevice);
    }

    private static Optional<Instant> time(String seconds) {
        if (seconds == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(seconds)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
