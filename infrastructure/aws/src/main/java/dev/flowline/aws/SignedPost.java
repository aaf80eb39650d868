package dev.flowline.aws;

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
import java.util.Map;

/** A POST to one AWS service's endpoint, signed with the SDK's SigV4 signer and sent on its url-connection client. */
final class SignedPost {

    /** An answer: its HTTP status and body. */
    record Answer(int status, byte[] body) {
    }

    private final SdkHttpClient http;
    private final URI endpoint;
    private final String signingName;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    SignedPost(SdkHttpClient http, URI endpoint, String signingName, Region region, AwsCredentialsProvider credentials) {
        this.http = http;
        this.endpoint = endpoint;
        this.signingName = signingName;
        this.region = region;
        this.credentials = credentials;
    }

    /** Sends {@code payload} with {@code headers}; {@code operation} names the call in an error. */
    Answer send(Map<String, String> headers, byte[] payload, String operation) {
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Length", String.valueOf(payload.length));
        headers.forEach(request::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign.identity(credentials.resolveCredentials())
                .request(request.build()).payload(ContentStreamProvider.fromByteArrayUnsafe(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            try (InputStream in = response.responseBody().map(InputStream.class::cast)
                    .orElse(InputStream.nullInputStream())) {
                return new Answer(response.httpResponse().statusCode(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the " + signingName + " " + operation + " call got no answer", e);
        }
    }
}
