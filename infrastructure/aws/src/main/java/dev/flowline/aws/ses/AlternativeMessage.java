package dev.flowline.aws.ses;

import dev.flowline.engine.action.InternalEmail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An internal email as an RFC 822 message with two alternatives, plain text then HTML (SES's simple content keeps
 * one of them only in some tools; a raw message says exactly what is sent). Addresses come from the owner directory
 * and the configuration, both checked as addresses, so no header can be added through them; the subject is encoded
 * (RFC 2047) and the bodies are base64, so nothing a flow writes ends a header or a part.
 */
final class AlternativeMessage {

    private AlternativeMessage() {
    }

    static byte[] of(String from, InternalEmail email) {
        String boundary = "flowline-" + Integer.toHexString(email.idempotencyKey().hashCode()) + "-alternative";
        String message = "From: " + from + "\r\n"
                + "To: " + String.join(", ", email.to()) + "\r\n"
                + "Subject: =?UTF-8?B?" + base64(email.subject()) + "?=\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n"
                + "\r\n"
                + part(boundary, "text/plain", email.text())
                + part(boundary, "text/html", email.html())
                + "--" + boundary + "--\r\n";
        return message.getBytes(StandardCharsets.UTF_8);
    }

    private static String part(String boundary, String type, String content) {
        return "--" + boundary + "\r\n"
                + "Content-Type: " + type + "; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
