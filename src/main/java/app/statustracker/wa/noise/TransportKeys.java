package app.statustracker.wa.noise;

/**
 * The two keys Split produces. Each side builds its sending and receiving {@link TransportCipher} from
 * them: the client writes with {@code clientToServer}, the server with {@code serverToClient}.
 */
public record TransportKeys(byte[] clientToServer, byte[] serverToClient) {
    public TransportKeys {
        clientToServer = clientToServer.clone();
        serverToClient = serverToClient.clone();
    }

    public TransportCipher clientSending() {
        return new TransportCipher(clientToServer);
    }

    public TransportCipher clientReceiving() {
        return new TransportCipher(serverToClient);
    }

    public TransportCipher serverSending() {
        return new TransportCipher(serverToClient);
    }

    public TransportCipher serverReceiving() {
        return new TransportCipher(clientToServer);
    }

    @Override
    public byte[] clientToServer() {
        return clientToServer.clone();
    }

    @Override
    public byte[] serverToClient() {
        return serverToClient.clone();
    }
}
