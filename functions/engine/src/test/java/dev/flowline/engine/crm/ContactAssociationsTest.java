package dev.flowline.engine.crm;

import dev.flowline.engine.Page;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.EvaluationContext;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.criteria.FilterEvaluator;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.InMemoryCrmObjectStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ContactAssociationsTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    private static final FilterEvaluator EVALUATOR = new FilterEvaluator();

    /** An in-memory store that counts the association listings it is asked for. */
    private static final class CountingStore implements CrmObjectStore {
        private final InMemoryCrmObjectStore store = new InMemoryCrmObjectStore();
        int listings;

        @Override
        public Page<Association> associations(ObjectRef from, CrmObjectType toType, String after, int limit) {
            listings++;
            return store.associations(from, toType, after, limit);
        }

        @Override
        public Created create(CrmObject object, List<Association> associations) {
            return store.create(object, associations);
        }

        @Override
        public Optional<CrmObject> find(CrmObjectType type, String id) {
            return store.find(type, id);
        }

        @Override
        public List<CrmObject> findAll(CrmObjectType type, Collection<String> ids) {
            return store.findAll(type, ids);
        }

        @Override
        public Optional<CrmObject> update(CrmObjectType type, String id, Map<String, String> properties, Instant at) {
            return store.update(type, id, properties, at);
        }

        @Override
        public boolean archive(CrmObjectType type, String id, Instant at) {
            return store.archive(type, id, at);
        }

        @Override
        public Page<CrmObject> page(CrmObjectType type, String after, int limit) {
            return store.page(type, after, limit);
        }

        @Override
        public boolean associate(List<Association> associations) {
            return store.associate(associations);
        }

        @Override
        public void removeAssociation(ObjectRef from, ObjectRef to) {
            store.removeAssociation(from, to);
        }

        @Override
        public void removeAllAssociations(ObjectRef of) {
            store.removeAllAssociations(of);
        }
    }

    private final CountingStore store = new CountingStore();
    private final Contact contact = new Contact("c1");

    private EvaluationContext context() {
        return EvaluationContext.of(Clock.fixed(NOW, ZoneOffset.UTC)).withAssociations(new ContactAssociations(store));
    }

    private void company(String id, String industry, Set<Integer> typeIds, boolean archived) {
        var record = new CrmObject(CrmObjectType.COMPANY, id, Map.of("industry", industry), NOW, NOW, archived);
        var association = new Association(ObjectRef.contact(contact.id()), record.ref(), typeIds);
        store.create(record, List.of(association, association.inverse()));
    }

    private static FilterBranch branch(String json) {
        return FlowlineJson.read(json, FilterBranch.class);
    }

    private static String associatedCompanyIn(String industry) {
        return """
                {"filterBranchType":"ASSOCIATION","filterBranchOperator":"AND","objectTypeId":"0-2",
                 "associationTypeId":279,"associationCategory":"HUBSPOT_DEFINED","operator":"IN_LIST",
                 "filterBranches":[],"filters":[{"filterType":"PROPERTY","property":"industry","operation":{
                   "operationType":"STRING","operator":"IS_EQUAL_TO","value":"%s"}}]}""".formatted(industry);
    }

    @Test
    void aBranchWithoutAssociationsReadsNone() {
        company("1", "TECHNOLOGY", Set.of(279), false);
        FilterBranch plain = branch("""
                {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[
                  {"filterType":"CONSTANT","shouldAccept":true}]}""");

        assertThat(EVALUATOR.matches(plain, contact, context())).isTrue();
        assertThat(store.listings).isZero();
    }

    @Test
    void severalBranchesOnOneObjectTypeReadItsAssociationsOnceInAnEvaluation() {
        company("1", "TECHNOLOGY", Set.of(279), false);
        FilterBranch both = branch("""
                {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[%s,%s]}"""
                .formatted(associatedCompanyIn("RETAIL"), associatedCompanyIn("TECHNOLOGY")));

        assertThat(EVALUATOR.matches(both, contact, context())).isTrue();
        assertThat(store.listings).isEqualTo(1);
    }

    @Test
    void archivedRecordsAndOtherCategoriesAreNotAssociatedRecords() {
        company("1", "TECHNOLOGY", Set.of(279), true);
        company("2", "RETAIL", Set.of(279), false);
        var associations = new ContactAssociations(store);

        assertThat(associations.of("c1", "0-2", 279L, "HUBSPOT_DEFINED")).extracting(CrmObject::id)
                .containsExactly("2");
        assertThat(associations.of("c1", "companies", null, null)).extracting(CrmObject::id).containsExactly("2");
        assertThat(associations.of("c1", "0-2", 279L, "USER_DEFINED")).isEmpty();
        assertThat(associations.of("c1", "2-12345", 279L, "HUBSPOT_DEFINED")).isEmpty();
        assertThat(EVALUATOR.matches(branch(associatedCompanyIn("TECHNOLOGY")), contact, context())).isFalse();
    }
}
