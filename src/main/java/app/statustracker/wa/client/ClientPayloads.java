package app.statustracker.wa.client;

import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload.DevicePairingRegistrationData;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload.UserAgent;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload.WebInfo;
import app.statustracker.wa.proto.ClientPayloadProtos.DeviceProps;
import app.statustracker.wa.signal.SignedPreKey;
import com.google.protobuf.ByteString;

/** The two ClientPayloads of docs/protocol.md, Login: registration for a new device, login for a paired one. */
public final class ClientPayloads {
    private ClientPayloads() {
    }

    public static ClientPayload registration(DeviceCredentials credentials, ClientConfig config) {
        SignedPreKey signedPreKey = credentials.signedPreKey();
        DevicePairingRegistrationData pairingData = DevicePairingRegistrationData.newBuilder()
                .setERegid(ByteString.copyFrom(bigEndian(credentials.registrationId(), 4)))
                .setEKeytype(ByteString.copyFrom(new byte[] {0x05}))
                .setEIdent(ByteString.copyFrom(credentials.identityKey().publicKey()))
                .setESkeyId(ByteString.copyFrom(bigEndian(signedPreKey.id(), 3)))
                .setESkeyVal(ByteString.copyFrom(signedPreKey.keyPair().publicKey()))
                .setESkeySig(ByteString.copyFrom(signedPreKey.signature()))
                .setBuildHash(ByteString.copyFrom(config.version().buildHash()))
                .setDeviceProps(deviceProps(config).toByteString())
                .build();
        return common(config).setPassive(false).setPull(false).setDevicePairingData(pairingData).build();
    }

    public static ClientPayload login(DeviceCredentials credentials, ClientConfig config) {
        if (!credentials.isRegistered()) {
            throw new IllegalStateException("only a paired device can log in");
        }
        return common(config)
                .setUsername(Long.parseUnsignedLong(credentials.me().phoneNumber().user()))
                .setDevice(credentials.me().phoneNumber().device())
                .setPassive(true).setPull(true)
                .setLidDbMigrated(false)
                .build();
    }

    /** Registration when not yet paired, else login. */
    public static ClientPayload forCredentials(DeviceCredentials credentials, ClientConfig config) {
        return credentials.isRegistered() ? login(credentials, config) : registration(credentials, config);
    }

    private static ClientPayload.Builder common(ClientConfig config) {
        ClientVersion version = config.version();
        return ClientPayload.newBuilder()
                .setUserAgent(UserAgent.newBuilder()
                        .setPlatform(UserAgent.Platform.WEB)
                        .setAppVersion(UserAgent.AppVersion.newBuilder().setPrimary(version.primary())
                                .setSecondary(version.secondary()).setTertiary((int) version.tertiary()))
                        .setMcc("000").setMnc("000")
                        .setOsVersion("0.1").setManufacturer("").setDevice("Desktop").setOsBuildNumber("0.1")
                        .setReleaseChannel(UserAgent.ReleaseChannel.RELEASE)
                        .setLocaleLanguageIso6391("en").setLocaleCountryIso31661Alpha2("US"))
                .setWebInfo(WebInfo.newBuilder().setWebSubPlatform(WebInfo.WebSubPlatform.WEB_BROWSER))
                .setConnectType(ClientPayload.ConnectType.WIFI_UNKNOWN)
                .setConnectReason(ClientPayload.ConnectReason.USER_ACTIVATED);
    }

    static DeviceProps deviceProps(ClientConfig config) {
        return DeviceProps.newBuilder()
                .setOs(config.os())
                .setVersion(DeviceProps.AppVersion.newBuilder().setPrimary(10).setSecondary(15).setTertiary(7))
                .setPlatformType(config.platformType())
                .setRequireFullSync(false)
                .setHistorySyncConfig(DeviceProps.HistorySyncConfig.newBuilder()
                        .setStorageQuotaMb(10240).setInlineInitialPayloadInE2EeMsg(true))
                .build();
    }

    static byte[] bigEndian(long value, int length) {
        byte[] out = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }
}
