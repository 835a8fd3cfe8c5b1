package org.straumflyt.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material generated for a test server: a CA, a server certificate for 127.0.0.1 and a
 * client certificate, all signed by the CA, as PEM files and as PKCS12 stores for Java clients.
 *
 * @param caCert          the CA certificate (PEM)
 * @param serverCert      the server certificate (PEM, SAN IP:127.0.0.1 and DNS:localhost)
 * @param serverKey       the server's private key (PEM)
 * @param clientCert      the client certificate (PEM)
 * @param clientKey       the client's private key (PEM)
 * @param trustStore      a PKCS12 trust store holding the CA certificate
 * @param clientKeyStore  a PKCS12 key store holding the client key and certificate chain
 * @param storePassword   the password of both stores and of the client key entry
 */
public record TlsFiles(Path caCert, Path serverCert, Path serverKey, Path clientCert, Path clientKey,
                       Path trustStore, Path clientKeyStore, String storePassword) {

    /**
     * An SSL context that trusts the test CA and presents the client certificate.
     *
     * @return a new TLS context
     */
    public SSLContext sslContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(clientKeyStore), storePassword.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build an SSL context from " + trustStore + " and " + clientKeyStore, e);
        }
    }

    /**
     * A socket factory from {@link #sslContext()}, e.g. for Paho's {@code setSocketFactory}.
     *
     * @return a TLS socket factory
     */
    public SSLSocketFactory socketFactory() {
        return sslContext().getSocketFactory();
    }

    private KeyStore load(Path file) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, storePassword.toCharArray());
        }
        return store;
    }
}
