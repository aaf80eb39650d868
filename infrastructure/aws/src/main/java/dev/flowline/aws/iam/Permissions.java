package dev.flowline.aws.iam;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The IAM permissions that an adapter's AWS calls need: each an action on a resource, the resource named as
 * template.yaml names it, without the ARN's partition, region and account:
 * <ul>
 *   <li>a resource of the template by its logical id: {@code FlowsTable}, {@code StepQueue}, {@code EventBus};</li>
 *   <li>a table's index: {@code EnrolmentsTable/index/due};</li>
 *   <li>an ARN built from parameters and resources: {@code ses:identity/${MailIdentity}},
 *       {@code scheduler:schedule/${WakeUpScheduleGroup}/*}.</li>
 * </ul>
 * Each adapter class declares what it calls in a {@code PERMISSIONS} constant (a class used in two ways, such as
 * {@code ApiTokens}, declares one constant a use); template.yaml's function roles are checked against them, function
 * by function. A call a role does not allow fails in AWS only, so the declaration sits beside the call.
 */
public record Permissions(Set<Permission> all) {

    /** One IAM action, such as {@code dynamodb:GetItem}, on one resource. */
    public record Permission(String action, String resource) {
        @Override
        public String toString() {
            return action + " on " + resource;
        }
    }

    private static final Comparator<Permission> ORDER =
            Comparator.comparing(Permission::resource).thenComparing(Permission::action);

    public Permissions {
        var sorted = new TreeSet<>(ORDER);
        sorted.addAll(all);
        all = Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
    }

    /** {@code actions} on {@code resource}. */
    public static Permissions on(String resource, String... actions) {
        return new Permissions(Arrays.stream(actions).map(action -> new Permission(action, resource))
                .collect(Collectors.toSet()));
    }

    /** These permissions and {@code actions} on {@code resource}. */
    public Permissions and(String resource, String... actions) {
        return union(this, on(resource, actions));
    }

    /** Every permission of each. */
    public static Permissions union(Permissions... each) {
        return union(Arrays.asList(each));
    }

    /** Every permission of each. */
    public static Permissions union(Collection<Permissions> each) {
        var all = new LinkedHashSet<Permission>();
        each.forEach(permissions -> all.addAll(permissions.all()));
        return new Permissions(all);
    }
}
