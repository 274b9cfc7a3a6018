package app.statustracker.wa.transport;

import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload.DevicePairingRegistrationData;
import com.google.protobuf.ByteString;

/** Minimal ClientPayloads for transport tests; the real ones are built by the client of a later issue. */
final class TestPayloads {
    private TestPayloads() {
    }

    static byte[] registration() {
        return ClientPayload.newBuilder()
                .setPassive(false).setPull(false)
                .setConnectType(ClientPayload.ConnectType.WIFI_UNKNOWN)
                .setConnectReason(ClientPayload.ConnectReason.USER_ACTIVATED)
                .setDevicePairingData(DevicePairingRegistrationData.newBuilder()
                        .setERegid(ByteString.copyFrom(new byte[] {0, 0, 1, 2}))
                        .setEKeytype(ByteString.copyFrom(new byte[] {5})))
                .build().toByteArray();
    }

    static byte[] login(long phoneNumber, int device) {
        return ClientPayload.newBuilder()
                .setUsername(phoneNumber).setDevice(device).setPassive(true).setPull(true)
                .build().toByteArray();
    }
}
