package app.statustracker.wa.media;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.net.ssl.X509TrustManager;

/** Trusts a server chain that either of two trust managers trusts; used for the JDK's CAs plus the user's. */
final class EitherTrustManager implements X509TrustManager {
    private final X509TrustManager first;
    private final X509TrustManager second;

    EitherTrustManager(X509TrustManager first, X509TrustManager second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            first.checkServerTrusted(chain, authType);
        } catch (CertificateException notFirst) {
            try {
                second.checkServerTrusted(chain, authType);
            } catch (CertificateException notSecond) {
                notSecond.addSuppressed(notFirst);
                throw notSecond;
            }
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this client does not accept client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return Stream.concat(Arrays.stream(first.getAcceptedIssuers()), Arrays.stream(second.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }
}
