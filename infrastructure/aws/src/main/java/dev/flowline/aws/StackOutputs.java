package dev.flowline.aws;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployed stack's outputs (CloudFormation's DescribeStacks, on its Query protocol: the SDK's client would weigh
 * megabytes in every function's package for one call of the operators' commands), and the {@code FLOWLINE_*}
 * variables they give: {@code <Name>TableName} is {@code FLOWLINE_<NAME>_TABLE}, {@code <Name>QueueUrl}
 * {@code FLOWLINE_<NAME>_QUEUE_URL} ({@code StepDeadLetterQueueUrl}: {@code FLOWLINE_STEP_DEAD_LETTER_QUEUE_URL}),
 * {@code EventBusName} {@code FLOWLINE_BUS_NAME}.
 */
public final class StackOutputs {

    private static final Pattern NAMED = Pattern.compile("(\\w+?)(TableName|QueueUrl)");

    private StackOutputs() {
    }

    /** The outputs of {@code stack}; an {@link IllegalStateException} saying why when they cannot be read. */
    static Map<String, String> of(SignedPost cloudFormation, String stack) {
        String form = "Action=DescribeStacks&Version=2010-05-15&StackName=" + URLEncoder.encode(stack,
                StandardCharsets.UTF_8);
        SignedPost.Answer answer = cloudFormation.send(Map.of("Content-Type",
                "application/x-www-form-urlencoded; charset=utf-8"), form.getBytes(StandardCharsets.UTF_8),
                "DescribeStacks");
        Document xml = parse(answer.body());
        if (answer.status() != 200) {
            throw new IllegalStateException("CloudFormation could not describe stack " + stack + ": "
                    + text(xml.getDocumentElement(), "Message", "HTTP " + answer.status()));
        }
        var outputs = new LinkedHashMap<String, String>();
        NodeList members = xml.getElementsByTagName("Outputs");
        for (int i = 0; i < members.getLength(); i++) {
            NodeList outputList = ((Element) members.item(i)).getElementsByTagName("member");
            for (int j = 0; j < outputList.getLength(); j++) {
                Element output = (Element) outputList.item(j);
                outputs.put(text(output, "OutputKey", ""), text(output, "OutputValue", ""));
            }
        }
        return outputs;
    }

    /** The {@code FLOWLINE_*} variables the outputs name; other outputs give none. */
    public static Map<String, String> variables(Map<String, String> outputs) {
        var variables = new LinkedHashMap<String, String>();
        outputs.forEach((key, value) -> {
            Matcher named = NAMED.matcher(key);
            if (key.equals("EventBusName")) {
                variables.put("FLOWLINE_BUS_NAME", value);
            } else if (named.matches()) {
                String name = named.group(1).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
                variables.put("FLOWLINE_" + name + (named.group(2).equals("TableName") ? "_TABLE" : "_QUEUE_URL"), value);
            }
        });
        return variables;
    }

    private static String text(Element parent, String tag, String otherwise) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? otherwise : found.item(0).getTextContent().strip();
    }

    private static Document parse(byte[] body) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("CloudFormation's answer is not XML: " + e.getMessage(), e);
        }
    }
}
