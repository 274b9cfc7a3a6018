package app.statustracker.simulator.connection;

import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload;
import app.statustracker.wa.proto.ClientPayloadProtos.DeviceProps;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * The ClientPayload a client sent in its ClientFinish, decoded. Tests read it field by field through
 * {@link #payload()} (proto2 getters and {@code has…} for presence) and {@link #deviceProps()}.
 *
 * @param raw             the decrypted bytes as received
 * @param payload         the decoded message
 * @param clientStaticKey the Noise static key the client proved in the handshake
 */
public record RecordedClientPayload(byte[] raw, ClientPayload payload, byte[] clientStaticKey) {
    public RecordedClientPayload {
        raw = raw.clone();
        clientStaticKey = clientStaticKey.clone();
    }

    public static RecordedClientPayload decode(byte[] raw, byte[] clientStaticKey) throws InvalidProtocolBufferException {
        return new RecordedClientPayload(raw, ClientPayload.parseFrom(raw), clientStaticKey);
    }

    /** A new device asking to be linked (docs/protocol.md, Login): it carries pairing data and no username. */
    public boolean isRegistration() {
        return payload.hasDevicePairingData();
    }

    /** The DeviceProps nested as bytes inside the pairing data. */
    public DeviceProps deviceProps() throws InvalidProtocolBufferException {
        return DeviceProps.parseFrom(payload.getDevicePairingData().getDeviceProps());
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public byte[] clientStaticKey() {
        return clientStaticKey.clone();
    }
}
