package org.tomoni.platform.tenancy;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.TextRules;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sections a kind's {@code templates} may hold: those the modules declare ({@link KindTemplate}
 * beans) and the keys of modules not built yet, which are accepted and stored as given (arrays of
 * objects) and applied by their module once it exists. Checks a kind's templates when it is saved
 * and applies them to a new tenant.
 */
@Singleton
public class KindTemplates {
    /**
     * Keys of modules not built yet (children's fund: funds; grants and the fund: usage categories;
     * consultations and applications: custom questions). A module that comes to apply one declares a
     * {@link KindTemplate} with that key and takes it off this list.
     */
    static final Set<String> PENDING = Set.of("funds", "usageCategories", "customQuestions");
    static final int MAX_ENTRIES = 100;

    private final Map<String, KindTemplate<?>> sections = new TreeMap<>();
    private final JsonMapper json;

    KindTemplates(List<KindTemplate<?>> declared, JsonMapper json) {
        declared.forEach(s -> {
            if (sections.put(s.key(), s) != null || PENDING.contains(s.key())) {
                throw new IllegalStateException("template key declared twice: " + s.key());
            }
        });
        this.json = json;
    }

    /** Every key a kind's templates may use, sorted. */
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>(sections.keySet());
        keys.addAll(PENDING);
        return keys;
    }

    /** The errors of a kind's templates, named {@code templates.<key>[i].<field>}, for a kind offering these modules. */
    public List<FieldError> check(JsonNode templates, Collection<String> kindModules) {
        List<FieldError> errors = new ArrayList<>();
        if (templates == null || templates.isNull()) {
            return errors;
        }
        if (!templates.isObject()) {
            errors.add(FieldError.of("templates", "object"));
            return errors;
        }
        for (Map.Entry<String, JsonNode> e : templates.entries()) {
            String field = "templates." + e.getKey();
            KindTemplate<?> section = sections.get(e.getKey());
            if (section == null && !PENDING.contains(e.getKey())) {
                errors.add(FieldError.of(field, "unknown_key"));
                continue;
            }
            JsonNode entries = e.getValue();
            if (!entries.isArray()) {
                errors.add(FieldError.of(field, "array"));
                continue;
            }
            if (entries.size() > MAX_ENTRIES) {
                errors.add(FieldError.of(field, "too_long"));
                continue;
            }
            if (section != null && !kindModules.contains(section.module().code())) {
                errors.add(FieldError.of(field, "module_not_in_kind"));
            }
            for (int i = 0; i < entries.size(); i++) {
                JsonNode entry = entries.get(i);
                String at = field + "[" + i + "]";
                if (!entry.isObject()) {
                    errors.add(FieldError.of(at, "object"));
                } else if (section != null) {
                    checkEntry(at, entry, section.entryType(), errors);
                }
            }
        }
        return errors;
    }

    /**
     * Creates, for a new tenant, every entry of every section whose module the tenant has, acting as
     * its administrator inside the caller's transaction. The first rejected entry ends it with that
     * entry's errors named from {@code templates}; the caller then rolls everything back.
     */
    public Outcome<Void> apply(Actor admin, TenantSettings settings, JsonNode templates) {
        if (templates == null || !templates.isObject()) {
            return Outcome.ok(null);
        }
        for (KindTemplate<?> section : sections.values()) {
            JsonNode entries = templates.get(section.key());
            if (entries == null || !entries.isArray() || !settings.enables(section.module())) {
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                String at = "templates." + section.key() + "[" + i + "]";
                Outcome<?> applied = applyOne(admin, section, entries.get(i), at);
                if (applied instanceof Outcome.Rejected<?> r) {
                    List<FieldError> errors = r.errors().stream()
                        .map(f -> new FieldError(f.field() == null || f.field().isEmpty() ? at : at + "." + f.field(), f.code(), f.message(), null))
                        .toList();
                    return Outcome.invalid(errors.isEmpty() ? List.of(FieldError.of(at, r.code() == ErrorCode.VALIDATION_FAILED
                        ? "invalid" : r.code().code())) : errors);
                }
            }
        }
        return Outcome.ok(null);
    }

    private <R extends Record> Outcome<?> applyOne(Actor admin, KindTemplate<R> section, JsonNode entry, String at) {
        List<FieldError> shape = new ArrayList<>();
        if (!entry.isObject()) {
            return Outcome.invalid(List.of(FieldError.of("", "object")));
        }
        checkEntry(at, entry, section.entryType(), shape);
        if (!shape.isEmpty()) {
            return Outcome.invalid(shape.stream().map(f -> new FieldError(f.field().substring(at.length() + 1), f.code(), null)).toList());
        }
        R value;
        try {
            value = json.readValueFromTree(entry, section.entryType());
        } catch (IOException e) {
            return Outcome.invalid(List.of(FieldError.of("", "invalid")));
        }
        return section.apply(admin, value);
    }

    /** Each key is a component of the entry's record, each value of that component's JSON type and within the text rules. */
    private static void checkEntry(String at, JsonNode entry, Class<? extends Record> type, List<FieldError> errors) {
        for (Map.Entry<String, JsonNode> f : entry.entries()) {
            String field = at + "." + f.getKey();
            RecordComponent component = component(type, f.getKey());
            JsonNode v = f.getValue();
            if (component == null) {
                errors.add(FieldError.of(field, "unknown_key"));
            } else if (!v.isNull()) {
                typeError(component.getType(), f.getKey(), v).ifPresent(code -> errors.add(FieldError.of(field, code)));
            }
        }
    }

    private static Optional<String> typeError(Class<?> type, String name, JsonNode v) {
        if (type == String.class) {
            return v.isString() ? TextRules.check(name, v.getStringValue()) : Optional.of("text");
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            boolean integral = v.isNumber() && (v.getNumberValue() instanceof Integer || v.getNumberValue() instanceof Long
                || v.getNumberValue() instanceof Short || v.getNumberValue() instanceof Byte
                || (v.getNumberValue() instanceof BigInteger b && b.bitLength() < 64));
            return integral ? Optional.empty() : Optional.of("integer");
        }
        if (type == Boolean.class || type == boolean.class) {
            return v.isBoolean() ? Optional.empty() : Optional.of("flag");
        }
        return Optional.empty();
    }

    private static RecordComponent component(Class<? extends Record> type, String name) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
