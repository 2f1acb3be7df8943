package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.combobox.ComboBox;
import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.members.organizations.Organizations;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Searchable pickers of the tenant's people and organisations, loaded lazily as the user types. */
public final class Pickers {
    private Pickers() {
    }

    public static ComboBox<PersonView> person(People people) {
        ComboBox<PersonView> box = new ComboBox<>();
        box.setItemLabelGenerator(p -> p.fullName() + "（" + p.familyNameKana() + " " + p.givenNameKana() + "）");
        box.setItems(query -> {
            Outcome<Page<PersonView>> o = people.search(UiSession.require(), query.getFilter().orElse(""),
                new PageRequest(query.getOffset() / Math.max(1, query.getLimit()), Math.min(query.getLimit(), PageRequest.MAX_SIZE)));
            return (o instanceof Outcome.Ok<Page<PersonView>> ok ? ok.value().items() : List.<PersonView>of()).stream();
        });
        return box;
    }

    public static ComboBox<OrganizationView> organization(Organizations organizations) {
        ComboBox<OrganizationView> box = new ComboBox<>();
        box.setItemLabelGenerator(OrganizationView::name);
        box.setItems(query -> {
            Outcome<Page<OrganizationView>> o = organizations.search(UiSession.require(), query.getFilter().orElse(""), null, null,
                new PageRequest(query.getOffset() / Math.max(1, query.getLimit()), Math.min(query.getLimit(), PageRequest.MAX_SIZE)));
            return (o instanceof Outcome.Ok<Page<OrganizationView>> ok ? ok.value().items() : List.<OrganizationView>of()).stream();
        });
        return box;
    }

    /** A member or donor: a person or an organisation, named as the pickers show it. */
    public record Party(UUID id, boolean organization, String name) {
        public static Party of(PersonView p) {
            return new Party(p.id(), false, p.fullName() + "（" + p.familyNameKana() + " " + p.givenNameKana() + "）");
        }

        public static Party of(OrganizationView o) {
            return new Party(o.id(), true, o.name());
        }

        /** The id as the domain's {@code personId}, or null for an organisation. */
        public String personId() {
            return organization ? null : id.toString();
        }

        /** The id as the domain's {@code organizationId}, or null for a person. */
        public String organizationId() {
            return organization ? id.toString() : null;
        }
    }

    /**
     * One searchable picker of people and organisations (a member, a donor): the organisations that
     * match first (fewer, and what a network enrols), then the people, each labelled as such by
     * {@link #labelParties} (「団体｜…」「個人｜…」).
     */
    public static ComboBox<Party> party(People people, Organizations organizations) {
        ComboBox<Party> box = new ComboBox<>();
        box.setItems(query -> {
            String filter = query.getFilter().orElse("");
            Function<PageRequest, List<Party>> orgs = r -> organizations.search(UiSession.require(), filter, null, null, r)
                instanceof Outcome.Ok<Page<OrganizationView>> ok ? ok.value().items().stream().map(Party::of).toList() : List.of();
            Function<PageRequest, List<Party>> persons = r -> people.search(UiSession.require(), filter, r)
                instanceof Outcome.Ok<Page<PersonView>> ok ? ok.value().items().stream().map(Party::of).toList() : List.of();
            long orgTotal = organizations.search(UiSession.require(), filter, null, null, PageRequest.of(0, 1))
                instanceof Outcome.Ok<Page<OrganizationView>> ok ? ok.value().total() : 0;
            int offset = query.getOffset();
            int limit = query.getLimit();
            List<Party> out = new ArrayList<>();
            if (offset < orgTotal) {
                out.addAll(slice(orgs, offset, (int) Math.min(limit, orgTotal - offset)));
            }
            if (out.size() < limit) {
                out.addAll(slice(persons, (int) Math.max(0, offset - orgTotal), limit - out.size()));
            }
            return out.stream();
        });
        return box;
    }

    /** Labels a party picker in the UI's language (call again on a language switch). */
    public static void labelParties(ComboBox<Party> box) {
        box.setItemLabelGenerator(p -> box.getTranslation(p.organization() ? "party.organization" : "party.person", p.name()));
    }

    /** Rows {@code from} to {@code from + count} of a paged source, whatever its pages. */
    private static List<Party> slice(Function<PageRequest, List<Party>> source, int from, int count) {
        List<Party> out = new ArrayList<>();
        int size = Math.max(1, Math.min(PageRequest.MAX_SIZE, count));
        int page = from / size;
        int skip = from - page * size;
        while (out.size() < count) {
            List<Party> rows = source.apply(new PageRequest(page, size));
            rows.stream().skip(skip).limit(count - out.size()).forEach(out::add);
            if (rows.size() < size) {
                break;
            }
            skip = 0;
            page++;
        }
        return out;
    }
}
