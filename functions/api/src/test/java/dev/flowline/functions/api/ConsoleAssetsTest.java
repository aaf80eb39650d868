package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleAssetsTest {

    private final ConsoleAssets console = new ConsoleAssets();

    @Test
    void theConsoleIsItsPageWithAStrictContentSecurityPolicy() {
        for (String path : new String[] {"/console", "/console/"}) {
            APIGatewayV2HTTPResponse page = console.answer("GET", path);

            assertThat(page.getStatusCode()).isEqualTo(200);
            assertThat(page.getHeaders()).containsEntry("Content-Type", "text/html;charset=utf-8")
                    .containsEntry("X-Content-Type-Options", "nosniff");
            assertThat(page.getHeaders().get("Content-Security-Policy")).contains("default-src 'none'")
                    .contains("script-src 'self';").doesNotContain("unsafe-inline").doesNotContain("http");
            assertThat(page.getBody()).contains("<script type=\"module\" src=\"/console/app.js\"></script>")
                    .doesNotContain("<script>");
        }
    }

    @Test
    void scriptsStylesAndTheBundledLayoutLibraryAreServedWithTheirTypes() {
        assertThat(console.answer("GET", "/console/app.js").getHeaders())
                .containsEntry("Content-Type", "text/javascript;charset=utf-8");
        assertThat(console.answer("GET", "/console/pages/flow.js").getStatusCode()).isEqualTo(200);
        assertThat(console.answer("GET", "/console/style.css").getHeaders())
                .containsEntry("Content-Type", "text/css;charset=utf-8");
        assertThat(console.answer("GET", "/console/vendor/dagre.esm.js").getBody()).contains("export{");
    }

    @Test
    void nothingOutsideTheConsoleFolderIsServedAndOnlyGetAndHeadAreAnswered() {
        assertThat(console.answer("GET", "/console/../openapi.json").getStatusCode()).isEqualTo(404);
        assertThat(console.answer("GET", "/console/%2e%2e/openapi.json").getStatusCode()).isEqualTo(404);
        assertThat(console.answer("GET", "/console/templates/welcome-series.json").getStatusCode()).isEqualTo(404);
        assertThat(console.answer("GET", "/console/missing.js").getStatusCode()).isEqualTo(404);
        assertThat(console.answer("POST", "/console/app.js").getStatusCode()).isEqualTo(405);
        APIGatewayV2HTTPResponse head = console.answer("HEAD", "/console/app.js");
        assertThat(head.getStatusCode()).isEqualTo(200);
        assertThat(head.getBody()).isNull();
    }
}
