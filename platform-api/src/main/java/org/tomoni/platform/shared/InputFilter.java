package org.tomoni.platform.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * The one validation at the edge, before any binding: every query parameter and every JSON body
 * of an API route is checked against the route's own declared types. Text meets {@link TextRules}
 * (no control characters, no lone surrogates, the field's length limit; integer years in range;
 * dates and months are checked by the domain with the same rules); a whole-number field takes only a JSON integer (never 1.5, "1" or true); a flag only
 * true or false; a text field only a string; a nested record only an object. A typed query
 * parameter (UUID, number, flag) that does not parse is refused instead of ignored. Any
 * violation answers 400 with every offending field named; malformed JSON answers 400 too.
 */
@ServerFilter("/api/**")
final class InputFilter implements Ordered {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int MAX_DEPTH = 16;
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private final Problems problems;

    InputFilter(Problems problems) {
        this.problems = problems;
    }

    /** After the module check, so a switched-off module answers 404 whatever the body holds. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 1;
    }

    /** Runs on the blocking pool: it waits for the whole body, which arrives on the event loop. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> validate(HttpRequest<?> request) throws InterruptedException {
        RouteMatch<?> route = RouteAttributes.getRouteMatch(request).orElse(null);
        List<FieldError> errors = new ArrayList<>();
        checkQuery(request, route, errors);
        if (!errors.isEmpty()) {
            return problems.of(request, ErrorCode.VALIDATION_FAILED, errors);
        }
        Type bodyType = route == null ? null : route.getRouteInfo().getBodyArgument().map(InputFilter::typeOf).orElse(null);
        if (bodyType == null || !isJson(request) || !(request instanceof ServerHttpRequest<?> server) || !isStructured(bodyType)) {
            return null;
        }
        try (var body = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer().get()) {
            return checkBody(request, body.toByteArray(), bodyType);
        } catch (ExecutionException e) {
            // The body could not be read (too large, connection closed): the framework answers that on its own.
            return null;
        }
    }

    private static Type typeOf(Argument<?> argument) {
        return argument.asType();
    }

    private static boolean isJson(HttpRequest<?> request) {
        return request.getContentType().map(t -> t.getExtension().equals("json") || t.getSubtype().endsWith("json")).orElse(true);
    }

    private static boolean isStructured(Type type) {
        Class<?> raw = rawClass(type);
        return raw.isRecord() || Map.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw);
    }

    private @Nullable HttpResponse<?> checkBody(HttpRequest<?> request, byte[] bytes, Type type) {
        if (bytes.length == 0) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        try (JsonParser p = JSON.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            value(p, "", type, 0, errors);
            if (p.nextToken() != null) {
                return problems.of(request, ErrorCode.MALFORMED_REQUEST, List.of());
            }
        } catch (TooDeep e) {
            return problems.of(request, ErrorCode.MALFORMED_REQUEST, List.of(FieldError.of(e.getMessage(), "depth")));
        } catch (JsonProcessingException e) {
            return problems.of(request, ErrorCode.MALFORMED_REQUEST, List.of());
        } catch (IOException e) {
            return problems.of(request, ErrorCode.MALFORMED_REQUEST, List.of());
        }
        return errors.isEmpty() ? null : problems.of(request, ErrorCode.VALIDATION_FAILED, errors);
    }

    private static final class TooDeep extends RuntimeException {
        TooDeep(String field) {
            super(field, null, false, false);
        }
    }

    /** Checks the value at the parser's current token against the expected type; leaves the parser on its last token. */
    private static void value(JsonParser p, String field, Type type, int depth, List<FieldError> errors) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new TooDeep(field.isEmpty() ? "body" : field);
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        Class<?> raw = rawClass(type);
        String name = field.isEmpty() ? "body" : field;
        if (raw == String.class) {
            if (t != JsonToken.VALUE_STRING) {
                errors.add(FieldError.of(name, "text"));
                skip(p, field, depth, errors);
                return;
            }
            text(name, p.getText(), errors);
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
            || raw == Short.class || raw == short.class) {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                errors.add(FieldError.of(name, "integer"));
                skip(p, field, depth, errors);
                return;
            }
            JsonParser.NumberType n = p.getNumberType();
            boolean isInt = raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class;
            if (n == JsonParser.NumberType.BIG_INTEGER || (isInt && n != JsonParser.NumberType.INT)) {
                errors.add(FieldError.of(name, "number"));
            } else if (TextRules.isYearField(name) && !TextRules.yearInRange(p.getLongValue())) {
                errors.add(FieldError.of(name, "date_range"));
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                errors.add(FieldError.of(name, "flag"));
                skip(p, field, depth, errors);
            }
        } else if (raw.isRecord()) {
            if (t != JsonToken.START_OBJECT) {
                errors.add(FieldError.of(name, "object"));
                skip(p, field, depth, errors);
                return;
            }
            RecordComponent[] components = raw.getRecordComponents();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String child = field.isEmpty() ? key : field + "." + key;
                TextRules.check(key, false, TextRules.NAME).ifPresent(code -> errors.add(FieldError.of(child, code)));
                p.nextToken();
                Type childType = null;
                for (RecordComponent c : components) {
                    if (c.getName().equals(key)) {
                        childType = c.getGenericType();
                    }
                }
                if (childType == null) {
                    skip(p, child, depth + 1, errors);
                } else {
                    value(p, child, childType, depth + 1, errors);
                }
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (t != JsonToken.START_ARRAY) {
                errors.add(FieldError.of(name, "array"));
                skip(p, field, depth, errors);
                return;
            }
            Type element = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                value(p, field + "[" + i++ + "]", element, depth + 1, errors);
            }
        } else if (raw == UUID.class) {
            if (t != JsonToken.VALUE_STRING || !UUID_TEXT.matcher(p.getText()).matches()) {
                errors.add(FieldError.of(name, "not_found"));
                skip(p, field, depth, errors);
            }
        } else {
            skip(p, field, depth, errors);
        }
    }

    /** Walks a value of no declared type, still checking every string in it. */
    private static void skip(JsonParser p, String field, int depth, List<FieldError> errors) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new TooDeep(field.isEmpty() ? "body" : field);
        }
        JsonToken t = p.currentToken();
        String name = field.isEmpty() ? "body" : field;
        if (t == JsonToken.VALUE_STRING) {
            text(name, p.getText(), errors);
        } else if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String child = field.isEmpty() ? key : field + "." + key;
                TextRules.check(key, false, TextRules.NAME).ifPresent(code -> errors.add(FieldError.of(child, code)));
                p.nextToken();
                skip(p, child, depth + 1, errors);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                skip(p, field + "[" + i++ + "]", depth + 1, errors);
            }
        }
    }

    /**
     * Text rules only. Dates and months are read by the domain with the same {@link TextRules#checkDate} and
     * {@link TextRules#checkMonth}, so that a bad date is reported together with every other bad field.
     */
    private static void text(String field, String value, List<FieldError> errors) {
        TextRules.check(field, value).ifPresent(code -> errors.add(FieldError.of(field, code)));
    }

    private static void checkQuery(HttpRequest<?> request, @Nullable RouteMatch<?> route, List<FieldError> errors) {
        request.getParameters().forEach(entry -> {
            for (String v : entry.getValue()) {
                TextRules.check(entry.getKey(), v).ifPresent(code -> errors.add(FieldError.of(entry.getKey(), code)));
            }
            TextRules.check(entry.getKey(), false, TextRules.NAME)
                .ifPresent(code -> errors.add(FieldError.of("query", code)));
        });
        if (!errors.isEmpty() || !(route instanceof MethodBasedRouteMatch<?, ?> method)) {
            return;
        }
        for (Argument<?> a : method.getArguments()) {
            if (!a.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                continue;
            }
            String name = a.getAnnotationMetadata().stringValue(QueryValue.class).filter(s -> !s.isEmpty()).orElse(a.getName());
            String v = request.getParameters().get(name);
            if (v == null) {
                continue;
            }
            Class<?> type = a.getType();
            if (type == UUID.class && !UUID_TEXT.matcher(v.strip()).matches()) {
                errors.add(FieldError.of(name, "uuid"));
            } else if ((type == Integer.class || type == int.class || type == Long.class || type == long.class)) {
                if (!INTEGER.matcher(v.strip()).matches() || ((type == Integer.class || type == int.class)
                    && (Long.parseLong(v.strip()) > Integer.MAX_VALUE || Long.parseLong(v.strip()) < Integer.MIN_VALUE))) {
                    errors.add(FieldError.of(name, "integer"));
                } else if (TextRules.isYearField(name) && !TextRules.yearInRange(Long.parseLong(v.strip()))) {
                    errors.add(FieldError.of(name, "date_range"));
                }
            } else if ((type == Boolean.class || type == boolean.class) && !v.strip().matches("true|false")) {
                errors.add(FieldError.of(name, "flag"));
            } else if (type == String.class && TextRules.isDateField(name)) {
                TextRules.checkDate(v).ifPresent(code -> errors.add(FieldError.of(name, code)));
            }
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
