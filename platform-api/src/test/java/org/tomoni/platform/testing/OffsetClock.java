package org.tomoni.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that keeps running, shifted by hand: a test puts "now" on a given day (tokens, mail and
 * throttles keep working as time passes from there) and puts it back with {@link #reset()}.
 */
public final class OffsetClock extends Clock {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final ZoneId zone;
    private final Duration[] offset;

    public OffsetClock() {
        this(ZoneOffset.UTC, new Duration[] {Duration.ZERO});
    }

    private OffsetClock(ZoneId zone, Duration[] offset) {
        this.zone = zone;
        this.offset = offset;
    }

    /** Now is {@code instant}, and runs on from there. */
    public void at(Instant instant) {
        offset[0] = Duration.between(Instant.now(), instant);
    }

    /** Now is this wall-clock time in Asia/Tokyo. */
    public void atTokyo(LocalDateTime time) {
        at(time.atZone(TOKYO).toInstant());
    }

    public void reset() {
        offset[0] = Duration.ZERO;
    }

    /** Whether the clock is shifted, and by how much (rounded to the minute: the key of a token minted for it). */
    public long shiftMinutes() {
        return offset[0].toMinutes();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new OffsetClock(zone, offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset[0]);
    }
}
