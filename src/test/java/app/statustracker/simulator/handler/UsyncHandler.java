package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.delivery.DeviceListNotices;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.Accounts;
import app.statustracker.simulator.state.KeyIndexList;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * usync queries (docs/protocol.md, Status stanza) for the {@code devices}, {@code lid} and {@code contact} protocols;
 * users are named by a PN or LID {@code jid} or, for onWhatsApp, by a {@code <contact>+digits</contact>} child. A
 * known account answers device 0 plus its companions with {@code key-index} (Baileys drops companions without one)
 * and a signed {@code <key-index-list>}; {@code <lid val>} maps a PN to its LID. An unknown user gets an empty
 * device list and {@code <contact type="out"/>}. Other protocols are left out of the user entries, which
 * Baileys and whatsmeow treat as "no data".
 */
public final class UsyncHandler implements StanzaHandler {
    private static final Set<String> ANSWERED = Set.of("devices", "lid", "contact");

    private final Accounts accounts;
    private final DeviceListNotices notices;

    public UsyncHandler(Accounts accounts, DeviceListNotices notices) {
        this.accounts = accounts;
        this.notices = notices;
    }

    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        if (!Stanzas.isQuery(stanza, "get", "usync", "usync")) {
            return false;
        }
        Node usync = stanza.child("usync").orElseThrow();
        List<String> protocols = usync.child("query").map(Node::children).orElse(List.of()).stream()
                .map(Node::tag).filter(ANSWERED::contains).toList();
        List<Node> users = new ArrayList<>();
        for (Node user : usync.child("list").map(Node::children).orElse(List.of())) {
            if ("user".equals(user.tag())) {
                users.add(answer(connection, user, protocols));
            }
        }
        var echo = Node.builder("usync");
        for (String attribute : List.of("sid", "index", "last", "mode", "context")) {
            if (usync.attr(attribute) != null) {
                echo.attr(attribute, usync.attr(attribute));
            }
        }
        echo.children(
                Node.builder("result").children(protocols.stream().map(Node::of).toList()).build(),
                Node.builder("list").children(users).build());
        connection.send(Stanzas.result(stanza).withChildren(List.of(echo.build())));
        return true;
    }

    private Node answer(SimConnection connection, Node user, List<String> protocols) {
        String jid = user.attr("jid");
        Optional<Account> account;
        if (jid != null) {
            account = Jid.tryParse(jid).map(Jid::withoutDevice).flatMap(accounts::resolve);
        } else {
            // onWhatsApp: <contact>+15551234567</contact>; the answer names the user by its PN JID
            String digits = user.child("contact").map(UsyncHandler::text).orElse("").replaceAll("\\D", "");
            account = digits.isEmpty() ? Optional.empty() : accounts.find(digits);
            jid = digits + "@s.whatsapp.net";
        }
        boolean askedByLid = Jid.tryParse(jid).map(Jid::isLid).orElse(false);
        List<Node> data = new ArrayList<>();
        for (String protocol : protocols) {
            switch (protocol) {
                case "devices" -> {
                    data.add(devices(account));
                    // the asker may cache this list now; it hears when the list changes
                    account.ifPresent(found -> connection.device().ifPresent(asker -> notices.watch(asker, found)));
                }
                // the lid protocol maps a PN to its LID; a user already named by LID gets nothing to map
                case "lid" -> account.filter(found -> !askedByLid)
                        .ifPresent(found -> data.add(Node.builder("lid").attr("val", found.lidJid(0)).build()));
                case "contact" -> data.add(Node.builder("contact")
                        .attr("type", account.isPresent() ? "in" : "out").build());
                default -> { }
            }
        }
        return Node.builder("user").attr("jid", jid).children(data).build();
    }

    private static Node devices(Optional<Account> account) {
        List<Node> list = new ArrayList<>();
        if (account.isEmpty()) {
            return Node.builder("devices").children(Node.builder("device-list").children(list).build()).build();
        }
        list.add(Node.builder("device").attr("id", "0").build());
        for (RegisteredDevice device : account.get().devices()) {
            list.add(Node.builder("device").attr("id", Integer.toString(device.deviceId()))
                    .attr("key-index", Integer.toString(device.keyIndex())).build());
        }
        KeyIndexList.Signed signed = KeyIndexList.current(account.get(), Instant.now().getEpochSecond());
        return Node.builder("devices").children(
                Node.builder("device-list").children(list).build(),
                Node.builder("key-index-list").attr("ts", Long.toString(signed.timestamp()))
                        .bytes(signed.bytes()).build()).build();
    }

    private static String text(Node node) {
        if (node.contentText() != null) {
            return node.contentText();
        }
        byte[] bytes = node.contentBytes();
        return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
