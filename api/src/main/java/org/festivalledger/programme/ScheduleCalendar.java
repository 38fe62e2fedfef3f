package org.festivalledger.programme;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The public schedule as an iCalendar feed (RFC 5545), written by iCal4j (escaping, line folding, CRLF).
 * <p>
 * Calendar apps match events by UID, so each item's UID is derived from ids that never change
 * ({@code <itemId>@<competitionId>.festival-ledger}): a reschedule updates the event instead of adding one, its
 * SEQUENCE rising with every change. A cancelled item stays in the feed with STATUS:CANCELLED, as RFC 5545 means
 * it, so subscribers remove it rather than keep a stale copy. Times are UTC, so no time-zone definitions are
 * needed. DTSTAMP and LAST-MODIFIED are the moment the ledger recorded the item's last change, so the same ledger
 * always gives the same feed byte for byte.
 */
final class ScheduleCalendar {

    static final String PRODUCT = "-//Festival Ledger//Programme//EN";

    private ScheduleCalendar() {
    }

    static String uid(String competitionId, String itemId) {
        return itemId + "@" + competitionId + ".festival-ledger";
    }

    /**
     * The feed of one competition's public items. With none yet it is an empty VCALENDAR, which RFC 5545's
     * grammar does not foresee but calendar apps read as "nothing scheduled", rather than an error that would
     * make them drop the subscription.
     */
    static String of(String competitionId, String calendarName, List<CalendarItem> items) {
        Calendar calendar = new Calendar()
                .add(new ProdId(PRODUCT))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new XProperty("X-WR-CALNAME", calendarName));
        items.forEach(item -> calendar.add(event(competitionId, item)));
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static VEvent event(String competitionId, CalendarItem item) {
        VEvent event = new VEvent(item.startsAt(), item.endsAt(), item.title());
        event.replace(new DtStamp(item.changedAt()));
        event.add(new Uid(uid(competitionId, item.id())));
        event.add(new Sequence(item.sequence()));
        event.add(new LastModified(item.changedAt()));
        event.add(item.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Location(item.venueName()));
        event.add(new Categories(item.kind() == BookingKind.SCREENING ? "Screening" : "Forum session"));
        String description = item.kind() == BookingKind.SCREENING ? "Films: " + String.join(", ", item.films())
                : "Speakers: " + String.join(", ", item.speakers());
        event.add(new Description(description));
        return event;
    }
}
