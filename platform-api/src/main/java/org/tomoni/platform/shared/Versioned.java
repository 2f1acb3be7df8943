package org.tomoni.platform.shared;

/** A read model with an optimistic-lock version, answered as the ETag. */
public interface Versioned {
    long version();
}
