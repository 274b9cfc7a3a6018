package app.statustracker.simulator.pairing;

import java.util.Base64;

/**
 * A companion's QR string as the phone's camera reads it (docs/protocol.md, Pairing):
 * {@code https://wa.me/settings/linked_devices#ref,b64(noisePub),b64(identityPub),b64(advSecret),platform}.
 * The legacy four-field form without prefix and platform is accepted too, as parsers still do.
 */
public record LinkingQr(String ref, byte[] noiseKey, byte[] identityKey, byte[] advSecret, String platformId) {
    static final String PREFIX = "https://wa.me/settings/linked_devices#";

    public LinkingQr {
        noiseKey = noiseKey.clone();
        identityKey = identityKey.clone();
        advSecret = advSecret.clone();
    }

    /** Parses strictly: standard base64 of exactly 32 bytes in each key field. */
    public static LinkingQr parse(String qr) throws LinkRejectedException {
        if (qr == null) {
            throw new LinkRejectedException("no QR string");
        }
        boolean current = qr.startsWith(PREFIX);
        String[] fields = (current ? qr.substring(PREFIX.length()) : qr).split(",", -1);
        if (current ? fields.length != 5 : fields.length != 4) {
            throw new LinkRejectedException("QR has " + fields.length + " fields, expected "
                    + (current ? "5 after the URL prefix" : "4 (legacy form)"));
        }
        if (fields[0].isEmpty()) {
            throw new LinkRejectedException("QR ref is empty");
        }
        return new LinkingQr(fields[0], key(fields[1], "noise key"), key(fields[2], "identity key"),
                key(fields[3], "adv secret"), current ? fields[4] : null);
    }

    private static byte[] key(String field, String what) throws LinkRejectedException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(field);
        } catch (IllegalArgumentException e) {
            throw new LinkRejectedException("QR " + what + " is not standard base64: " + field);
        }
        if (bytes.length != 32) {
            throw new LinkRejectedException("QR " + what + " must be 32 bytes, got " + bytes.length);
        }
        return bytes;
    }

    @Override
    public byte[] noiseKey() {
        return noiseKey.clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public byte[] advSecret() {
        return advSecret.clone();
    }
}
