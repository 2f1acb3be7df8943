package org.tomoni.platform.shared;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A reference table (postal codes, bank codes) bundled in the jar or read from the operator's file instead, gzip or
 * plain, parsed once on first use: start-up does not wait for it, and once read it is shared by every thread.
 */
public final class ReferenceTable<T> {
    /** Parses the table's lines; {@code source} names the resource or file in messages. */
    @FunctionalInterface
    public interface Parser<T> {
        T read(BufferedReader reader, String source) throws IOException;
    }

    private static final int BUFFER = 1 << 16;
    private final Path file;
    private final String bundled;
    private final String what;
    private final Parser<T> parser;
    private volatile T table;

    /**
     * @param setting the configuration key naming the file (blank: the bundled table); a file named but unreadable
     *                stops the start, saying how to build it with {@code tool}
     */
    public ReferenceTable(String setting, String configured, String bundled, String what, String tool, Parser<T> parser) {
        this.file = configured == null || configured.isBlank() ? null : Path.of(configured.strip());
        this.bundled = bundled;
        this.what = what;
        this.parser = parser;
        if (file != null && !Files.isReadable(file)) {
            throw new IllegalStateException(setting + " names " + file + ", which cannot be read; build it with " + tool
                + " or unset the setting to use the bundled table");
        }
    }

    public T get() {
        T t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    t = table = load();
                }
            }
        }
        return t;
    }

    private T load() {
        String source = file == null ? bundled : file.toString();
        try (InputStream raw = file == null ? ReferenceTable.class.getResourceAsStream(bundled) : Files.newInputStream(file)) {
            if (raw == null) {
                throw new IllegalStateException("the bundled " + what + " " + bundled + " is missing from the jar");
            }
            InputStream in = new BufferedInputStream(raw);
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in, BUFFER) : in,
                StandardCharsets.UTF_8), BUFFER)) {
                return parser.read(reader, source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " " + source, e);
        }
    }
}
