package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Device and LID discovery for many users in one iq (docs/protocol.md, Status stanza, the query Baileys sends before a
 * message): {@code <usync context="message" mode="query"><query><devices version="2"/><lid/></query>
 * <list><user jid/>…</list></usync>}. Users may be PN or LID user JIDs.
 */
public final class UsyncDeviceQuery {
    private UsyncDeviceQuery() {
    }

    public static Node build(Collection<Jid> users, String sid) {
        List<Node> list = new ArrayList<>(users.size());
        for (Jid user : users) {
            list.add(Node.builder("user").attr("jid", user.withoutDevice()).build());
        }
        Node usync = Node.builder("usync").attr("context", "message").attr("mode", "query").attr("sid", sid)
                .attr("last", "true").attr("index", "0")
                .children(
                        Node.builder("query").children(
                                Node.builder("devices").attr("version", "2").build(),
                                Node.of("lid")).build(),
                        Node.builder("list").children(list).build())
                .build();
        return Node.builder("iq").attr("xmlns", "usync").attr("type", "get").attr("to", Jid.SERVER)
                .children(usync).build();
    }

    /**
     * Every {@code <user>} of the answer, keyed by its user JID (device dropped). An {@code <error>} under
     * {@code <devices>} or {@code <user>} becomes that user's {@link DiscoveredUser#error()} rather than failing
     * the whole answer (Baileys throws; one unreachable contact should not sink a status to a thousand).
     *
     * @throws IqErrorException      when the server refused the query
     * @throws MalformedNodeException when the answer lacks {@code <usync><list>} or names a user badly
     */
    public static Map<Jid, DiscoveredUser> parse(Node answer) throws IqErrorException, MalformedNodeException {
        IqErrorException.requireResult(answer, "usync");
        Node list = answer.requireChild("usync").requireChild("list");
        Map<Jid, DiscoveredUser> users = new LinkedHashMap<>();
        for (Node user : list.children("user")) {
            Jid jid = Jid.parse(user.requireAttr("jid")).withoutDevice();
            users.put(jid, parseUser(jid, user));
        }
        return users;
    }

    private static DiscoveredUser parseUser(Jid jid, Node user) {
        Optional<String> error = errorOf(user);
        Optional<Jid> lid = user.child("lid").map(node -> node.attr("val"))
                .flatMap(Jid::tryParse).filter(Jid::isLid).map(Jid::withoutDevice);
        List<Integer> devices = new ArrayList<>();
        Node devicesNode = user.child("devices").orElse(null);
        if (devicesNode != null) {
            error = error.or(() -> errorOf(devicesNode));
            devicesNode.child("device-list").ifPresent(deviceList -> {
                for (Node device : deviceList.children("device")) {
                    int id = parseId(device.attr("id"));
                    // a companion without key-index produces a bad request (Baileys extractDeviceJids); hosted
                    // (Cloud API) devices are left out of status fan-out like Baileys does for sender keys
                    boolean usable = id == 0 || (id > 0 && device.attr("key-index") != null);
                    if (usable && !"true".equals(device.attr("is_hosted")) && !devices.contains(id)) {
                        devices.add(id);
                    }
                }
            });
        }
        return new DiscoveredUser(jid, lid, devices, error);
    }

    private static Optional<String> errorOf(Node parent) {
        return parent.child("error").map(error -> error.attr("code", "?") + " " + error.attr("text", ""))
                .map(String::strip);
    }

    private static int parseId(String text) {
        try {
            int id = text == null ? -1 : Integer.parseInt(text);
            return id <= Jid.MAX_DEVICE ? id : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
