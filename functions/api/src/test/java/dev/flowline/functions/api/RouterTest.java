package dev.flowline.functions.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterTest {

    private final Router router = new Router()
            .post("/flows/batch/read", request -> ApiResponse.ok("batch"))
            .get("/flows/{flowId}", request -> ApiResponse.ok(request.pathParameter("flowId")));

    private static ApiRequest request(String method, String path) {
        return new ApiRequest(method, path, Map.of(), Map.of(), Map.of(), null, "c-1");
    }

    @Test
    void pathParametersAreDecodedKeepingPlusSigns() {
        assertThat(router.dispatch(request("GET", "/flows/a%3Ab+c")).body()).isEqualTo("a:b+c");
    }

    @Test
    void aLiteralRouteAddedFirstWinsOverATemplate() {
        assertThat(router.dispatch(request("POST", "/flows/batch/read")).body()).isEqualTo("batch");
    }

    @Test
    void aKnownPathWithAnotherMethodIsA405() {
        assertThatThrownBy(() -> router.dispatch(request("DELETE", "/flows/1")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(405));
    }

    @Test
    void anUnknownPathIsA404() {
        assertThatThrownBy(() -> router.dispatch(request("GET", "/nowhere")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
