package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console: the static files under {@code console/} on the class path (built from the project's
 * {@code console/} folder), served at {@code /console} without a token, since the pages themselves sign in with
 * one and send it on every API request. Every answer carries a strict Content-Security-Policy: scripts, styles
 * and requests from this origin only, nothing inline, no frames.
 */
final class ConsoleAssets {

    static final String PATH = "/console";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String RESOURCES = "/console/";
    private static final String INDEX = "index.html";
    /** Folders and file names of letters, digits, dots and dashes, never "..": nothing outside the console. */
    private static final Pattern FILE = Pattern.compile("([a-z0-9-]+/)*[a-zA-Z0-9-]+(\\.[a-zA-Z0-9]+)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "txt", "text/plain;charset=utf-8");

    /** The files read so far; only files that exist, so that requests for made-up names fill nothing. */
    private final Map<String, String> files = new ConcurrentHashMap<>();

    static boolean serves(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    /** The file at {@code path} for a GET or HEAD; a 404 for a file the console does not have. */
    APIGatewayV2HTTPResponse answer(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return response(405, "text/plain;charset=utf-8", method + " is not supported on " + path);
        }
        String name = path.length() <= PATH.length() + 1 ? INDEX : path.substring(PATH.length() + 1);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        Optional<String> file = FILE.matcher(name).matches() && TYPES.containsKey(extension)
                ? file(name) : Optional.empty();
        return file.map(text -> response(200, TYPES.get(extension), method.equals("HEAD") ? null : text))
                .orElseGet(() -> response(404, "text/plain;charset=utf-8", "the console has no file " + name));
    }

    private Optional<String> file(String name) {
        String cached = files.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> read = read(name);
        read.ifPresent(text -> files.put(name, text));
        return read;
    }

    private static Optional<String> read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(RESOURCES + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static APIGatewayV2HTTPResponse response(int status, String type, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withBody(body).withHeaders(Map.of(
                "Content-Type", type,
                "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "Cache-Control", "no-cache")).build();
    }
}
