package org.straumflyt.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Loopback port helpers. Every server of this harness listens on {@link #LOOPBACK} only. */
public final class Ports {

    /** The only address the test servers bind to. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    /**
     * Returns a TCP port that is free on 127.0.0.1 right now and has not been returned before by
     * this JVM, so two servers started by the same test JVM never get the same port.
     *
     * @return a free loopback port
     */
    public static synchronized int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(loopbackAddress(), 0), 1);
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind a free port on " + LOOPBACK, e);
            }
        }
        throw new IllegalStateException("no unused free port found on " + LOOPBACK + " after 100 attempts");
    }

    /**
     * Tells whether something accepts TCP connections on 127.0.0.1 at the given port.
     *
     * @param port    the port to try
     * @param timeout the connect timeout
     * @return {@code true} if a connection could be opened
     */
    public static boolean isAccepting(int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(loopbackAddress(), port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static InetAddress loopbackAddress() {
        try {
            return InetAddress.getByName(LOOPBACK);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot resolve " + LOOPBACK, e);
        }
    }
}
