package dev.flowline.engine.journey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A journey: the draft being edited and every version published so far, oldest first. Editing changes only
 * the draft; contacts run on the latest published version. Timestamps are ISO-8601 strings, as in flows.
 */
public record Journey(String id, JourneyDefinition draft, List<JourneyVersion> versions, String createdAt,
                      String updatedAt) {

    public Journey {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    public static Journey create(String id, JourneyDefinition draft, Instant at) {
        return new Journey(id, draft, List.of(), at.toString(), at.toString());
    }

    public static Journey parse(String json) {
        return FlowlineJson.read(json, Journey.class);
    }

    public String toJson() {
        return FlowlineJson.write(this);
    }

    /** The version contacts run on: the latest published. */
    @JsonIgnore
    public Optional<JourneyVersion> published() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    @JsonIgnore
    public boolean isPublished() {
        return !versions.isEmpty();
    }

    public Optional<JourneyVersion> version(int number) {
        return versions.stream().filter(v -> v.version() != null && v.version() == number).findFirst();
    }

    /** The journey with its draft replaced; the published versions are untouched. */
    public Journey withDraft(JourneyDefinition newDraft, Instant at) {
        return new Journey(id, newDraft, versions, createdAt, at.toString());
    }

    /** The journey with its draft published as the next version. */
    public Journey publish(Instant at) {
        var all = new ArrayList<>(versions);
        all.add(new JourneyVersion(versions.size() + 1, at.toString(), draft));
        return new Journey(id, draft, all, createdAt, at.toString());
    }

    /** The journey with version {@code number} as its draft, replacing the draft; empty if there is no such version. */
    public Optional<Journey> restore(int number, Instant at) {
        return version(number).map(v -> withDraft(v.definition(), at));
    }
}
