package dev.flowline.aws;

import dev.flowline.aws.ses.RecipientDirectory;
import dev.flowline.engine.action.InternalEmail;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Internal email recipients from configuration: user id to address ({@link AwsConfig#userEmails()}). Owners are
 * users, so owner ids are looked up the same way; teams are not known here, and users without an address are
 * left out.
 */
public record ConfiguredRecipients(Map<String, String> userEmails) implements RecipientDirectory {

    @Override
    public List<String> addressesOf(InternalEmail email) {
        return List.copyOf(Stream.concat(email.userIds().stream(), email.ownerIds().stream())
                .map(userEmails::get)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
