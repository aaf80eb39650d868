package dev.flowline.functions.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a request to a route by method and path template ({@code /automation/v4/flows/{flowId}}). A path
 * no route has is a 404; a path that exists for other methods is a 405.
 */
public final class Router {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    /** Ids are keys of DynamoDB, whose sort keys hold at most 1,024 bytes: 256 characters stay below it. */
    static final int MAX_PARAMETER_LENGTH = 256;

    private record Route(String method, String template, Pattern path, List<String> parameters,
                         Function<ApiRequest, ApiResponse> handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String template, Function<ApiRequest, ApiResponse> handler) {
        return add("GET", template, handler);
    }

    public Router post(String template, Function<ApiRequest, ApiResponse> handler) {
        return add("POST", template, handler);
    }

    public Router put(String template, Function<ApiRequest, ApiResponse> handler) {
        return add("PUT", template, handler);
    }

    public Router patch(String template, Function<ApiRequest, ApiResponse> handler) {
        return add("PATCH", template, handler);
    }

    public Router delete(String template, Function<ApiRequest, ApiResponse> handler) {
        return add("DELETE", template, handler);
    }

    /** Routes are tried in the order added, so a literal path ({@code /flows/batch/read}) goes before a template. */
    public Router add(String method, String template, Function<ApiRequest, ApiResponse> handler) {
        List<String> parameters = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        var regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            parameters.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex + "/?"), List.copyOf(parameters), handler));
        return this;
    }

    /** Each route as {@code "METHOD template"}, in the order added. */
    public List<String> endpoints() {
        return routes.stream().map(route -> route.method() + " " + route.template()).toList();
    }

    /** A path parameter, decoded; a malformed or overlong one is a 400 naming it. */
    private static String parameter(String name, String raw) {
        String value;
        try {
            // A '+' in a path is a plus sign, not a space as in a query string.
            value = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name + " is not URL-encoded", List.of(new ApiError(name, e.getMessage())));
        }
        if (value.length() > MAX_PARAMETER_LENGTH) {
            throw ApiException.invalid(name + " is too long", List.of(new ApiError(name,
                    "a path parameter can have at most " + MAX_PARAMETER_LENGTH + " characters")));
        }
        return value;
    }

    public ApiResponse dispatch(ApiRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.path().matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            if (!route.method().equals(request.method())) {
                pathKnown = true;
                continue;
            }
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < route.parameters().size(); i++) {
                String name = route.parameters().get(i);
                parameters.put(name, parameter(name, m.group(i + 1)));
            }
            return route.handler().apply(request.withPathParameters(parameters));
        }
        if (pathKnown) {
            throw new ApiException(405, "METHOD_NOT_ALLOWED",
                    request.method() + " is not supported on " + request.path(), List.of());
        }
        throw ApiException.notFound("No route for " + request.method() + " " + request.path());
    }
}
