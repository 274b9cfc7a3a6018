package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns the phone numbers of a status audience into LID users and their devices (docs/protocol.md, Status stanza).
 * Mappings already known come from the {@link LidMappingStore} and device lists asked for in the last minutes from
 * the {@link DeviceListCache} (docs/protocol.md, Device lists); everything else is one usync iq that lists the
 * unknown phone numbers and the LID users without a fresh device list together, asking for devices and LIDs. Only
 * users whose phone-number query came back without devices (a LID-migrated contact) are asked again, by LID. Our own
 * LID user is always added so our phone and other devices see the status, as WA Web and whatsmeow do.
 */
public final class AudienceResolver {
    private static final System.Logger LOG = System.getLogger(AudienceResolver.class.getName());

    private final LidMappingStore lids;
    private final DeviceListCache deviceLists;

    /** Without a device list cache: every post asks usync. */
    public AudienceResolver(LidMappingStore lids) {
        this(lids, new DeviceListCache(java.time.Duration.ZERO, 0, java.time.Clock.systemUTC()));
    }

    public AudienceResolver(LidMappingStore lids, DeviceListCache deviceLists) {
        this.lids = Objects.requireNonNull(lids, "lids");
        this.deviceLists = Objects.requireNonNull(deviceLists, "deviceLists");
    }

    /**
     * Fails with {@link StatusRejectedException} naming every phone number that has no WhatsApp account (no LID),
     * or when the server refuses device discovery. When every LID and device list is known already, no query goes
     * out at all.
     */
    public CompletableFuture<Audience> resolve(StanzaChannel channel, Poster poster, List<String> phoneNumbers,
                                               String sid) {
        List<Jid> pnUsers = phoneNumbers.stream().distinct().map(pn -> Jid.of(pn, Jid.USER_SERVER)).toList();
        Map<Jid, Jid> known = new HashMap<>();
        List<Jid> notCached = new ArrayList<>();
        for (Jid pn : pnUsers) {
            deviceLists.lidOf(pn).ifPresentOrElse(lid -> known.put(pn, lid), () -> notCached.add(pn));
        }
        if (!notCached.isEmpty()) {
            known.putAll(lids.lidsForPhoneNumbers(notCached));
        }
        // our own mapping is in the credentials; no need to ask the server or the store for it
        known.put(poster.phoneNumberUser(), poster.lidUser());
        Map<Jid, Jid> pnByLid = new HashMap<>();
        known.forEach((pn, lid) -> pnByLid.put(lid, pn));
        List<Jid> unknown = pnUsers.stream().filter(pn -> !known.containsKey(pn)).toList();
        Set<Jid> knownLids = new LinkedHashSet<>();
        pnUsers.stream().map(known::get).filter(Objects::nonNull).forEach(knownLids::add);
        knownLids.add(poster.lidUser());
        Map<Jid, List<Integer>> devices = new LinkedHashMap<>();
        List<Jid> uncached = new ArrayList<>();
        for (Jid lid : knownLids) {
            deviceLists.devices(lid).ifPresentOrElse(ids -> devices.put(lid, ids), () -> uncached.add(lid));
        }
        if (unknown.isEmpty() && uncached.isEmpty()) {
            return CompletableFuture.completedFuture(audienceOf(pnUsers, known, devices));
        }
        List<Jid> query = new ArrayList<>(unknown);
        query.addAll(uncached);
        return channel.query(UsyncDeviceQuery.build(query, sid))
                .thenCompose(answer -> {
                    Map<Jid, DiscoveredUser> found = parse(answer);
                    for (Jid lid : uncached) {
                        List<Integer> ids = devicesOf(found.get(lid));
                        devices.put(lid, ids);
                        deviceLists.store(lid, pnByLid.get(lid), ids);
                    }
                    Map<Jid, Jid> learned = new HashMap<>();
                    List<String> unresolvable = new ArrayList<>();
                    List<Jid> askAgain = new ArrayList<>();
                    for (Jid pn : unknown) {
                        DiscoveredUser user = found.get(pn);
                        if (user == null || user.lid().isEmpty()) {
                            unresolvable.add(pn.user() + (user != null && user.error().isPresent()
                                    ? " (" + user.error().get() + ")" : ""));
                            continue;
                        }
                        Jid lid = user.lid().get();
                        learned.put(pn, lid);
                        if (!devices.containsKey(lid)) {
                            devices.put(lid, user.deviceIds());
                            if (user.deviceIds().isEmpty()) {
                                askAgain.add(lid);
                            } else {
                                deviceLists.store(lid, pn, user.deviceIds());
                            }
                        }
                    }
                    if (!unresolvable.isEmpty()) {
                        throw new CompletionException(new StatusRejectedException(
                                "no WhatsApp account found for " + String.join(", ", unresolvable)));
                    }
                    if (!learned.isEmpty()) {
                        lids.store(learned);
                    }
                    known.putAll(learned);
                    learned.forEach((pn, lid) -> pnByLid.put(lid, pn));
                    Audience audience = audienceOf(pnUsers, known, devices);
                    if (askAgain.isEmpty()) {
                        return CompletableFuture.completedFuture(audience);
                    }
                    return channel.query(UsyncDeviceQuery.build(askAgain, sid + ".lid")).thenApply(second -> {
                        Map<Jid, DiscoveredUser> byLid = parse(second);
                        askAgain.forEach(lid -> {
                            List<Integer> ids = devicesOf(byLid.get(lid));
                            devices.put(lid, ids);
                            deviceLists.store(lid, pnByLid.get(lid), ids);
                        });
                        return audienceOf(pnUsers, known, devices);
                    });
                });
    }

    /** A refused post may mean a stale device list: ask the server for these users next time. */
    public void forgetDevices(Collection<Jid> lidUsers) {
        deviceLists.forgetAll(lidUsers);
    }

    /** Users in the order they were asked for, our own LID last (unless asked for), so stanzas are reproducible. */
    private static Audience audienceOf(List<Jid> pnUsers, Map<Jid, Jid> lidByPn, Map<Jid, List<Integer>> devices) {
        List<PostedStatus.Recipient> recipients = pnUsers.stream()
                .map(pn -> new PostedStatus.Recipient(pn.user(), lidByPn.get(pn))).toList();
        Map<Jid, List<Integer>> ordered = new LinkedHashMap<>();
        recipients.forEach(recipient -> ordered.putIfAbsent(recipient.jid(), devices.get(recipient.jid())));
        devices.forEach(ordered::putIfAbsent);
        return new Audience(recipients, ordered);
    }

    private static List<Integer> devicesOf(DiscoveredUser user) {
        if (user == null) {
            return List.of();
        }
        user.error().ifPresent(error -> LOG.log(System.Logger.Level.INFO,
                "usync could not list the devices of " + user.user() + ": " + error));
        return user.deviceIds();
    }

    private static Map<Jid, DiscoveredUser> parse(Node answer) {
        try {
            return UsyncDeviceQuery.parse(answer);
        } catch (IqErrorException e) {
            throw new CompletionException(new StatusRejectedException("device discovery refused: " + e.getMessage(), e));
        } catch (MalformedNodeException e) {
            throw new CompletionException(new StatusRejectedException("malformed usync answer: " + e.getMessage(), e));
        }
    }
}
