package org.tomoni.platform.shared;

/**
 * A created value that may also be the answer to a repeat that created nothing (a billing run of a
 * period already charged): answered 201 with Location when fresh, 200 without Location otherwise.
 * Data in the result, so that no controller decides the status by hand.
 */
public interface Fresh {
    boolean fresh();
}
