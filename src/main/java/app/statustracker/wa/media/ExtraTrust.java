package app.statustracker.wa.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * An {@link SSLContext} that trusts the JDK's own CAs plus those of one PEM file (WA_EXTRA_CA_FILE): a media host
 * behind a company proxy, or the simulator's throw-away CA in tests. Never a trust-all manager: a certificate must
 * chain to one of the two sets.
 */
public final class ExtraTrust {
    private ExtraTrust() {
    }

    /** @param pemFile null for the JDK's store alone */
    public static SSLContext sslContext(Path pemFile) throws IOException, GeneralSecurityException {
        if (pemFile == null) {
            return SSLContext.getDefault();
        }
        X509TrustManager jdk = trustManager(null);
        X509TrustManager extra = trustManager(keyStoreOf(certificates(pemFile)));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new EitherTrustManager(jdk, extra)}, null);
        return context;
    }

    static List<X509Certificate> certificates(Path pemFile) throws IOException, CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends java.security.cert.Certificate> read = factory.generateCertificates(in);
            for (java.security.cert.Certificate c : read) {
                out.add((X509Certificate) c);
            }
        }
        if (out.isEmpty()) {
            throw new CertificateException("no certificate in " + pemFile.getFileName());
        }
        return out;
    }

    private static KeyStore keyStoreOf(List<X509Certificate> certificates)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (X509Certificate certificate : certificates) {
            store.setCertificateEntry("extra-" + i++, certificate);
        }
        return store;
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }
}
