package dev.flowline.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.flowline.engine.json.FlowlineJson;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Operations of an AWS JSON-protocol API, signed with the SDK's SigV4 signer and sent on its url-connection
 * client. For the secret stores: the action executor makes one call of each (SSM's GetParameter, Secrets
 * Manager's GetSecretValue), and their SDK clients would weigh 5.5 MB, over a function's 20 MB budget.
 */
public final class AwsJsonApi {

    /** An answer: its HTTP status and JSON body. */
    public record Answer(int status, JsonNode body) {

        /** The error's type without its namespace ({@code ParameterNotFound}), or "" on success. */
        public String errorType() {
            String type = body.path("__type").asText();
            return type.substring(type.lastIndexOf('#') + 1);
        }
    }

    private final SignedPost post;
    private final String targetPrefix;

    AwsJsonApi(SignedPost post, String targetPrefix) {
        this.post = post;
        this.targetPrefix = targetPrefix;
    }

    public Answer call(String operation, Object input) {
        byte[] payload = FlowlineJson.write(input).getBytes(StandardCharsets.UTF_8);
        SignedPost.Answer answer = post.send(Map.of("X-Amz-Target", targetPrefix + "." + operation,
                "Content-Type", "application/x-amz-json-1.1"), payload, operation);
        return new Answer(answer.status(), answer.body().length == 0 ? MissingNode.getInstance()
                : FlowlineJson.read(new String(answer.body(), StandardCharsets.UTF_8), JsonNode.class));
    }
}
