package org.festivalledger.programme;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed's text itself: escaping, folding and stamps are iCal4j's, and the same items give the same bytes. */
class ScheduleCalendarTest {

    private static final Instant CHANGED = Instant.parse("2027-03-01T08:00:00Z");

    private static CalendarItem screening(String title) {
        return new CalendarItem("s1", BookingKind.SCREENING, title, Instant.parse("2027-04-17T06:00:00Z"),
                Instant.parse("2027-04-17T06:35:00Z"), "Hall 1; Huairou", List.of("Paper Moons", "纸月亮"), List.of(),
                false, 0, CHANGED);
    }

    @Test
    void textWithCommasSemicolonsNewlinesAndChineseReadsBackUnchanged() throws Exception {
        String title = "Shorts, part 1; \"late\" show\nwith a very long title that must be folded over several lines"
                + " of at most seventy-five octets";
        String text = ScheduleCalendar.of("bjiff", "AIGC Short Film Unit 2026", List.of(screening(title)));

        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(calendar.validate().getEntries()).isEmpty();
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getProperty("SUMMARY").map(Property::getValue)).contains(title);
        assertThat(event.getProperty("LOCATION").map(Property::getValue)).contains("Hall 1; Huairou");
        assertThat(event.getProperty("DESCRIPTION").map(Property::getValue)).contains("Films: Paper Moons, 纸月亮");
        assertThat(event.getProperty("DTSTAMP").map(Property::getValue)).contains("20270301T080000Z");
        assertThat(text).contains("X-WR-CALNAME:AIGC Short Film Unit 2026");
        assertThat(text.lines()).allMatch(line -> line.length() <= 75);
    }

    @Test
    void theSameItemsGiveTheSameFeed() {
        assertThat(ScheduleCalendar.of("bjiff", "AIGC", List.of(screening("Shorts 1"))))
                .isEqualTo(ScheduleCalendar.of("bjiff", "AIGC", List.of(screening("Shorts 1"))));
    }

    @Test
    void aFeedWithNothingPublicYetIsAnEmptyCalendar() throws Exception {
        String text = ScheduleCalendar.of("bjiff", "AIGC", List.of());
        assertThat(new CalendarBuilder().build(new StringReader(text)).getComponents()).isEmpty();
    }
}
