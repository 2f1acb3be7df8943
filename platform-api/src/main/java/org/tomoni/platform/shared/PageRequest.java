package org.tomoni.platform.shared;

/** A 0-based page of a list; size defaults to 20 and never exceeds 100. */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : Math.max(0, page);
        int s = size == null ? DEFAULT_SIZE : Math.min(MAX_SIZE, Math.max(1, size));
        return new PageRequest(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
