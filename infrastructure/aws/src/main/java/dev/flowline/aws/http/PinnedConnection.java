package dev.flowline.aws.http;

import dev.flowline.engine.action.WebhookResponse;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Set;

/**
 * Sends one HTTP/1.1 request over a connection opened to a given address (the one {@link TargetGuard} checked), not
 * to whatever the URL's host resolves to by then. Over TLS the server must still prove it is the URL's host: the
 * name goes in SNI and the certificate is verified against it; the Host header names it too.
 * <p>
 * {@code java.net.http.HttpClient} cannot do this: it resolves the host itself, and it owns the Host header, which
 * only the JVM-wide {@code jdk.httpclient.allowRestrictedHeaders} lets a caller set; that property is read once, when
 * the client's classes load, so any earlier use of the client in the JVM would silently turn it off.
 * <p>
 * The request is still built with {@link HttpRequest.Builder}, which refuses header names and values that could split
 * the request and the headers a connection owns (Host, Content-Length, Connection...). Of the answer, the status and
 * {@code Retry-After} are read; the body is not: the connection is closed after the head.
 */
final class PinnedConnection {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final Set<String> METHODS_WITHOUT_BODY = Set.of("GET", "HEAD");
    /** Some endpoints turn away requests without one; java.net.http sent its own. */
    private static final String USER_AGENT = "Flowline-Webhooks";

    private final SSLContext tls;
    private final Duration connectTimeout;
    private final Duration answerTimeout;

    /**
     * @param tls            whom to trust over https
     * @param connectTimeout for the TCP connection
     * @param answerTimeout  from the connection to the end of the answer's head: TLS handshake, request and answer
     */
    PinnedConnection(SSLContext tls, Duration connectTimeout, Duration answerTimeout) {
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
    }

    /** The JVM's default trust: the CA certificates of its {@code cacerts}. */
    static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    WebhookResponse send(HttpRequest request, byte[] body, InetSocketAddress address) throws IOException {
        URI uri = request.uri();
        try (Socket socket = new Socket()) {
            socket.connect(address, Math.toIntExact(connectTimeout.toMillis()));
            long deadline = System.nanoTime() + answerTimeout.toNanos();
            Socket connection = "https".equalsIgnoreCase(uri.getScheme())
                    ? overTls(socket, uri, address.getPort(), deadline) : socket;
            OutputStream out = new BufferedOutputStream(connection.getOutputStream());
            out.write(head(request, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return new AnswerHead(connection, deadline).read();
        }
    }

    /** TLS to the URL's host: SNI and the certificate check use its name, whatever address the socket reached. */
    private Socket overTls(Socket socket, URI uri, int port, long deadline) throws IOException {
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        SSLSocket tlsSocket = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
        SSLParameters parameters = tlsSocket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tlsSocket.setSSLParameters(parameters);
        tlsSocket.setSoTimeout(remainingMillis(deadline));
        tlsSocket.startHandshake();
        return tlsSocket;
    }

    private static String head(HttpRequest request, int contentLength) {
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        var head = new StringBuilder(request.method()).append(' ').append(path)
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader(uri)).append("\r\n");
        request.headers().map().forEach((name, values) ->
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
        if (request.headers().firstValue("User-Agent").isEmpty()) {
            head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        }
        if (contentLength > 0 || !METHODS_WITHOUT_BODY.contains(request.method())) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString();
    }

    /** As java.net.http writes it: the port only when it is not the scheme's default. */
    private static String hostHeader(URI uri) {
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = uri.getPort() == -1 || uri.getPort() == (secure ? 443 : 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** Time left until the deadline, for a socket timeout (where 0 would mean none). */
    private int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("no answer within " + answerTimeout.toSeconds() + " s");
        }
        return Math.toIntExact(Math.min(left, Integer.MAX_VALUE));
    }

    /** Reads the status line and headers of the final answer, skipping interim (1xx) ones. */
    private final class AnswerHead {

        private final Socket connection;
        private final InputStream in;
        private final long deadline;
        private int bytesRead;

        AnswerHead(Socket connection, long deadline) throws IOException {
            this.connection = connection;
            this.in = new BufferedInputStream(connection.getInputStream());
            this.deadline = deadline;
        }

        WebhookResponse read() throws IOException {
            while (true) {
                int status = status(line());
                String retryAfter = null;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    int colon = header.indexOf(':');
                    if (retryAfter == null && colon > 0 && header.substring(0, colon).equalsIgnoreCase("Retry-After")) {
                        retryAfter = header.substring(colon + 1).trim();
                    }
                }
                if (status >= 200) {
                    return WebhookResponse.status(status, retryAfter);
                }
            }
        }

        private static int status(String statusLine) throws IOException {
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
                throw new IOException("not an HTTP/1.x answer");
            }
            return Integer.parseInt(parts[1]);
        }

        private String line() throws IOException {
            var line = new ByteArrayOutputStream();
            while (true) {
                connection.setSoTimeout(remainingMillis(deadline));
                int next = in.read();
                if (next == -1) {
                    throw new EOFException("the connection was closed before the answer's head ended");
                }
                if (++bytesRead > MAX_HEAD_BYTES) {
                    throw new IOException("the answer's head is longer than " + MAX_HEAD_BYTES + " bytes");
                }
                if (next == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                line.write(next);
            }
        }
    }
}
