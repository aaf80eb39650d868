package dev.flowline.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

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

    private final SdkHttpClient http;
    private final URI endpoint;
    private final String signingName;
    private final String targetPrefix;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    AwsJsonApi(SdkHttpClient http, URI endpoint, String signingName, String targetPrefix, Region region,
               AwsCredentialsProvider credentials) {
        this.http = http;
        this.endpoint = endpoint;
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.region = region;
        this.credentials = credentials;
    }

    public Answer call(String operation, Object input) {
        byte[] payload = FlowlineJson.write(input).getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("Content-Length", String.valueOf(payload.length))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign.identity(credentials.resolveCredentials())
                .request(request).payload(ContentStreamProvider.fromByteArrayUnsafe(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            byte[] body;
            try (InputStream in = response.responseBody().map(InputStream.class::cast)
                    .orElse(InputStream.nullInputStream())) {
                body = in.readAllBytes();
            }
            return new Answer(response.httpResponse().statusCode(), body.length == 0 ? MissingNode.getInstance()
                    : FlowlineJson.read(new String(body, StandardCharsets.UTF_8), JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the " + signingName + " " + operation + " call got no answer", e);
        }
    }
}
