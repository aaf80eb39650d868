package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.crm.Association;
import dev.flowline.engine.crm.AssociationInput;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.CrmObjects;
import dev.flowline.engine.crm.CrmRejection;
import dev.flowline.engine.crm.ObjectRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CRM records a dry run starts with, associated with its contacts: {@code records: [{objectTypeId, id,
 * properties, associations}]}, each association in the shape of HubSpot's create ({@code {to: {id}, types:
 * [{associationCategory, associationTypeId}]}}, types from the record's side) and naming a contact of the run. They
 * are there before the contacts, so that the contacts' first evaluation sees them.
 */
final class DryRunRecords {

    static final int MAX_RECORDS = 1_000;

    /** A record with both directions of each of its associations. */
    record Seed(CrmObject record, List<Association> associations) {
    }

    private DryRunRecords() {
    }

    static List<Seed> parse(JsonNode json, Set<String> contactIds, Instant start, List<ApiError> problems) {
        var seeds = new ArrayList<Seed>();
        if (json.isMissingNode()) {
            return seeds;
        }
        if (!json.isArray() || json.size() > MAX_RECORDS) {
            problems.add(new ApiError("/records", "records must be an array of at most " + MAX_RECORDS));
            return seeds;
        }
        Set<ObjectRef> seen = new HashSet<>();
        for (int i = 0; i < json.size(); i++) {
            String at = "/records/" + i;
            JsonNode item = json.get(i);
            CrmObjectType type = CrmObjectType.named(item.path("objectTypeId").asText(""))
                    .filter(t -> t != CrmObjectType.CONTACT).orElse(null);
            if (type == null) {
                problems.add(new ApiError(at + "/objectTypeId", "objectTypeId must be a company (0-2), deal (0-3), "
                        + "ticket (0-5), task (0-27) or note (0-46)"));
                continue;
            }
            JsonNode id = item.path("id");
            if (!id.isTextual() && !id.isIntegralNumber() || id.asText().isBlank()) {
                problems.add(new ApiError(at + "/id", "a non-empty string is required"));
                continue;
            }
            ObjectRef self = new ObjectRef(type, id.asText());
            if (!seen.add(self)) {
                problems.add(new ApiError(at + "/id", type.singular() + " " + self.id() + " is given twice"));
            }
            var errors = new ArrayList<ApiError>();
            Map<String, String> properties = item.has("properties") ? CrmObjectRoutes.properties(item, errors) : Map.of();
            List<AssociationInput> inputs = CrmObjectRoutes.associationInputs(type, item.path("associations"), errors);
            var associations = new ArrayList<Association>();
            for (int j = 0; j < inputs.size(); j++) {
                AssociationInput input = inputs.get(j);
                if (!input.to().isContact() || !contactIds.contains(input.to().id())) {
                    errors.add(new ApiError("/associations/" + j, "a dry run's records are associated with its "
                            + "contacts; " + input.to().type().singular() + " " + input.to().id() + " is not one"));
                    continue;
                }
                try {
                    associations.addAll(CrmObjects.bothWays(self, input.to(), input.typeIds()));
                } catch (CrmRejection e) {
                    errors.add(new ApiError("/associations/" + j, e.getMessage()));
                }
            }
            errors.forEach(error -> problems.add(new ApiError(at + error.in(), error.message(), error.code())));
            seeds.add(new Seed(CrmObject.created(type, self.id(), properties, start), associations));
        }
        return seeds;
    }

    static void seed(List<Seed> seeds, CrmObjectStore store) {
        seeds.forEach(seed -> store.create(seed.record(), seed.associations()));
    }
}
