package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

@ExtendWith(LocalDynamoDb.class)
class PendingContactEventsTest {

    private static final Account A = new Account("a1");
    private static final Account B = new Account("b2");
    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456789Z");

    @Test
    void theSweepGetsEveryAccountsContactsWithEventsSavedBeforeTheCutoffAndOnlyThoseEvents(DynamoDbClient dynamo,
                                                                                          FlowlineTables tables) {
        var a = new DynamoContactStore(dynamo, tables, A);
        var b = new DynamoContactStore(dynamo, tables, B);
        ContactEvent early = ContactEvent.changed(Set.of("email"), T0);
        ContactEvent ofB = ContactEvent.changed(Set.of("plan"), T0.plusSeconds(10));
        a.create(new Contact("c1"), List.of(early));
        b.create(new Contact("c1"), List.of(ofB));
        a.create(new Contact("c2"), List.of(ContactEvent.changed(Set.of("email"), T0.plusSeconds(120))));
        a.create(new Contact("c3"));

        assertThat(new PendingContactEvents(dynamo, tables).savedBefore(T0.plusSeconds(60)).toList())
                .containsExactlyInAnyOrder(new PendingContactEvents.Pending(A, "c1", List.of(early)),
                        new PendingContactEvents.Pending(B, "c1", List.of(ofB)));
    }

    @Test
    void aContactLeftInTheIndexWithoutEventsIsTakenOutOfIt(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, A);
        store.create(new Contact("c1"), List.of(ContactEvent.changed(Set.of("email"), T0)));
        // two publishes at once, each finding the other's event pending, each cleared only its own
        dynamo.updateItem(b -> b.tableName(tables.contacts()).key(Map.of("contactId", fromS(A.key("c1"))))
                .updateExpression("REMOVE pending"));
        var pending = new PendingContactEvents(dynamo, tables);

        assertThat(pending.savedBefore(T0.plusSeconds(60))).isEmpty();
        assertThat(pending.any()).isFalse();
    }
}
