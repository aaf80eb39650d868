package dev.flowline.aws.iam;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * The permissions template.yaml's roles give each function, in {@link Permissions}' terms: the statements of the
 * function's {@code Policies} and of every managed policy attached to its role ({@code <Function>Role}). Read with
 * CloudFormation's short-form tags dropped ({@code !GetAtt Queue.Arn} reads {@code Queue.Arn}); a conditional
 * ({@code !If [condition, a, b]}) grants both of its branches. Only allowing statements written out can be checked:
 * a SAM policy template or an AWS managed policy in {@code Policies} is refused.
 */
record RolePermissions(Map<String, Permissions> byFunction) {

    private static final String NO_VALUE = "AWS::NoValue";

    Set<String> functions() {
        return byFunction.keySet();
    }

    Permissions of(String function) {
        return byFunction.getOrDefault(function, Permissions.union());
    }

    static RolePermissions of(JsonNode template) {
        Set<String> conditions = new HashSet<>();
        template.path("Conditions").fieldNames().forEachRemaining(conditions::add);
        Map<String, List<Permissions>> granted = new TreeMap<>();
        template.path("Resources").properties().forEach(resource -> {
            JsonNode properties = resource.getValue().path("Properties");
            if ("AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                var own = granted.computeIfAbsent(resource.getKey(), name -> new ArrayList<>());
                for (JsonNode policy : properties.path("Policies")) {
                    if (!policy.has("Statement")) {
                        throw new IllegalStateException(resource.getKey() + ": only policy statements can be checked, "
                                + "not " + policy);
                    }
                    own.add(allowed(policy.get("Statement"), conditions));
                }
            }
        });
        template.path("Resources").forEach(resource -> {
            String type = resource.path("Type").asText();
            if (type.equals("AWS::IAM::ManagedPolicy") || type.equals("AWS::IAM::Policy")) {
                Permissions permissions = allowed(resource.path("Properties").path("PolicyDocument").path("Statement"),
                        conditions);
                for (JsonNode role : resource.path("Properties").path("Roles")) {
                    granted.computeIfAbsent(role.asText().replaceFirst("Role$", ""), name -> new ArrayList<>())
                            .add(permissions);
                }
            }
        });
        var byFunction = new TreeMap<String, Permissions>();
        granted.forEach((function, permissions) -> byFunction.put(function, Permissions.union(permissions)));
        return new RolePermissions(byFunction);
    }

    private static Permissions allowed(JsonNode statements, Set<String> conditions) {
        var all = new ArrayList<Permissions>();
        for (JsonNode statement : statements(statements)) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            List<String> actions = strings(statement.path("Action")).stream().filter(a -> a.contains(":")).toList();
            for (String target : strings(statement.path("Resource"))) {
                if (!conditions.contains(target) && !target.equals(NO_VALUE)) {
                    all.add(Permissions.on(resource(target), actions.toArray(String[]::new)));
                }
            }
        }
        return Permissions.union(all);
    }

    /** The statements of a list, each branch of an {@code !If} among them. */
    private static List<JsonNode> statements(JsonNode node) {
        if (node.isObject()) {
            return List.of(node);
        }
        var found = new ArrayList<JsonNode>();
        if (node.isArray()) {
            node.forEach(item -> found.addAll(statements(item)));
        }
        return found;
    }

    private static List<String> strings(JsonNode node) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).flatMap(item -> strings(item).stream()).toList();
        }
        return node.isTextual() ? List.of(node.asText()) : List.of();
    }

    /** {@code Queue.Arn} is {@code Queue}; {@code ${Table.Arn}/index/i} is {@code Table/index/i}; an ARN drops its
     *  partition, region and account. */
    static String resource(String target) {
        String named = target.replaceFirst("^arn:\\$\\{AWS::Partition}:([a-z0-9-]+):\\$\\{AWS::Region}:"
                + "\\$\\{AWS::AccountId}:", "$1:").replaceAll("\\$\\{(\\w+)\\.Arn}", "$1");
        return named.endsWith(".Arn") ? named.substring(0, named.length() - ".Arn".length()) : named;
    }
}
